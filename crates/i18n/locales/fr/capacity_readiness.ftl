# Autoévaluation de l'état de préparation et plan d'action (renforcement des capacités).

readiness-title = État de préparation et plan d'action
readiness-lead = Évaluez dans quelle mesure votre État est prêt à participer à l'annuaire. Chaque lacune devient une étape de votre plan d'action, que vous pouvez transformer en demande d'aide en un clic. Vos réponses restent celles de votre État : le secrétariat ne les voit que si vous les partagez ; à défaut, il n'en voit que les totaux régionaux.
readiness-secretariat-lead = { $count ->
    [one] État de préparation par région, d'après la dernière autoévaluation de chaque État. Les totaux d'une région s'affichent dès qu'au moins un État a répondu.
   *[other] État de préparation par région, d'après la dernière autoévaluation de chaque État. Les totaux d'une région ne s'affichent qu'une fois que { $count } de ses États ont répondu, afin que les réponses d'aucun État ne puissent en être déduites.
}
readiness-by-region = Par région
readiness-none-yet = Aucun État n'a encore effectué l'autoévaluation.
readiness-states-answered = { $count ->
    [one] { $count } État a répondu.
   *[other] { $count } États ont répondu.
}
readiness-withheld = Trop peu d'États de cette région ont répondu pour que leurs totaux puissent être affichés.
readiness-shared-title = États qui partagent leurs réponses
readiness-shared-none = Aucun État ne partage ses réponses.
readiness-last = Dernière autoévaluation :
readiness-is-shared = partagée avec le secrétariat
readiness-plan = Plan d'action
readiness-ask = Demander de l'aide
readiness-no-gaps = Aucune lacune : votre État satisfait aux six points.
readiness-form-title = Autoévaluation
readiness-share = Partager ces réponses avec le secrétariat
readiness-save = Enregistrer l'autoévaluation
readiness-request-origin = d'après notre plan d'action relatif à l'état de préparation
done-readiness-assessed = L'autoévaluation est enregistrée et le plan d'action mis à jour.

readiness-point-national_csirt = Un CSIRT ou CERT national doté d'un mandat
readiness-point-reachable_any_hour = Un point de contact joignable à toute heure
readiness-point-secure_channels = Canaux sécurisés : clés OpenPGP publiées et à jour
readiness-point-both_pocs = Un PoC diplomatique et un PoC technique désignés
readiness-point-ping_tests = Réponse dans les délais aux tests de joignabilité
readiness-point-staff_trained = Personnel formé au moyen des modules d'apprentissage en ligne
readiness-answer-yes = Oui
readiness-answer-partly = Partiellement
readiness-answer-no = Non

readiness-action-national_csirt = Créer un CSIRT national doté d'un mandat clair, de personnel et de procédures.
readiness-action-reachable_any_hour = Organiser une permanence 24 h/24, 7 j/7 pour le point de contact technique.
readiness-action-secure_channels = Générer des clés OpenPGP pour les points de contact et les publier dans l'annuaire.
readiness-action-both_pocs = Choisir à la fois un point de contact diplomatique et un point de contact technique, et les désigner.
readiness-action-ping_tests = Former les points de contact à répondre aux tests de joignabilité et tenir leurs fiches à jour.
readiness-action-staff_trained = Faire suivre au personnel les modules d'apprentissage en ligne afin qu'il obtienne les certificats correspondants.

readiness-problem-answers = Répondez à chaque point par oui, partiellement ou non.
readiness-refused-no-gap = Ce point ne constitue pas une lacune selon la dernière autoévaluation de votre État.

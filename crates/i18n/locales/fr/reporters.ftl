# Signaleurs : le formulaire public de candidature, les pages d'examen du secrétariat, les courriels aux candidats et l'accueil du signaleur.
reporters-apply-teaser = Une entreprise, une équipe de recherche ou un CSIRT qui découvre des menaces ou des vulnérabilités peut les signaler aux points de contact techniques des États.
reporters-apply-link = Devenir signaleur
reporters-apply-title = Devenir signaleur
reporters-apply-intro = Les entreprises, équipes de recherche et CSIRT extérieurs à l'annuaire peuvent devenir des signaleurs agréés : une fois approuvés, ils signalent menaces et vulnérabilités aux points de contact techniques des États participants. Un signaleur ne voit jamais l'annuaire.
reporters-apply-what-next = Le secrétariat examine chaque candidature et répond par courriel, dans la langue de votre choix.
reporters-apply-submit = Envoyer la candidature
reporters-field-organisation = Organisation
reporters-field-country = Pays
reporters-field-website = Site web
reporters-website-hint = Une adresse https://
reporters-field-contact-name = Personne de contact
reporters-field-contact-email = Courriel de contact
reporters-field-language = Langue de notre réponse
reporters-field-openpgp-key = Clé publique OpenPGP
reporters-openpgp-hint = Facultative ; au format ASCII armé
reporters-field-why = Pourquoi vous souhaitez alerter les États
reporters-why-hint = Ce que vous faites, et ce que vous signaleriez
reporters-thanks-title = Candidature reçue
reporters-thanks-body = Merci. Le secrétariat examinera la candidature et répondra par courriel à la personne de contact.
reporters-thanks-back = Retour à l'accueil
reporters-error-required = Ce champ est obligatoire.
reporters-error-too-long = C'est trop long.
reporters-error-control-characters = Ce texte contient des caractères qui ne peuvent pas être affichés.
reporters-error-country = Choisissez un pays dans la liste.
reporters-error-website = Indiquez une adresse https:// d'un site nommé, sans nom d'utilisateur ni mot de passe.
reporters-error-email = Ce n'est pas une adresse électronique.
reporters-error-language = Choisissez l'une des six langues de l'ONU.
reporters-error-not-now = Cette décision n'est pas possible dans le statut actuel du signaleur.
reporters-error-reason-missing = Indiquez un motif : il est envoyé au candidat.
reporters-error-reason-too-long = Le motif dépasse 1000 caractères.
reporters-error-address-taken = L'adresse du contact a déjà un compte ou une invitation en cours.
reporters-error-decision = Décision inconnue.
reporters-status-pending = En attente d'examen
reporters-status-approved = Approuvé
reporters-status-rejected = Refusé
reporters-status-suspended = Suspendu
reporters-decision-approve = Approuver
reporters-decision-reject = Refuser
reporters-decision-suspend = Suspendre
reporters-decision-reinstate = Rétablir
reporters-list-title = Signaleurs
reporters-list-intro = Candidatures d'entreprises, d'équipes de recherche et de CSIRT, celles en attente d'examen d'abord. En approuver une invite son contact à créer un compte de signaleur.
reporters-list-pending = { $count ->
    [one] Une candidature attend d'être examinée.
   *[other] { $count } candidatures attendent d'être examinées.
}
reporters-list-none = Aucune candidature pour l'instant.
reporters-col-status = Statut
reporters-col-applied = Candidature
reporters-col-reason = Motif
reporters-col-fingerprint = Empreinte OpenPGP
reporters-col-when = Date
reporters-col-decision = Décision
reporters-reason = Motif
reporters-history = Décisions
reporters-home-suspended = Votre organisation est suspendue : vous pouvez toujours vous connecter, mais rien de ce que vous envoyez ne parvient aux États tant que le secrétariat ne l'a pas rétablie.
done-reporter-approved = Approuvé : le contact a été invité par courriel à créer le compte de signaleur.
done-reporter-rejected = Refusé : le candidat a été informé du motif.
done-reporter-suspended = Suspendu : le signaleur a été informé du motif.
done-reporter-reinstated = Rétabli : le signaleur a été informé.
reporters-mail-approve-subject = Votre candidature pour alerter les États est approuvée
reporters-mail-approve-body = Le secrétariat a approuvé la candidature de { $organisation } pour alerter les points de contact techniques des États participants.

    Créez votre compte de signaleur (un mot de passe et un second facteur) avec ce lien, avant le { $expires } :
    { $link }
reporters-mail-reject-subject = Votre candidature pour alerter les États
reporters-mail-reject-body = Le secrétariat n'a pas approuvé la candidature de { $organisation }.

    Motif : { $reason }
reporters-mail-suspend-subject = Votre compte de signaleur est suspendu
reporters-mail-suspend-body = Le secrétariat a suspendu { $organisation } en tant que signaleur : rien de ce qu'elle envoie ne parvient aux États jusqu'à son rétablissement.

    Motif : { $reason }
reporters-mail-reinstate-subject = Votre compte de signaleur est rétabli
reporters-mail-reinstate-body = Le secrétariat a rétabli { $organisation } en tant que signaleur. Connectez-vous : { $link }
values-log-reporter-apply = { $actor } a demandé à devenir signaleur : { $object }.
values-log-reporter-approve = { $actor } a approuvé { $object }.
values-log-reporter-reject = { $actor } a refusé { $object }.
values-log-reporter-suspend = { $actor } a suspendu { $object }.
values-log-reporter-reinstate = { $actor } a rétabli { $object }.
reporters-object = le signaleur nº { $id }
reporters-help-vet = Examiner les signaleurs
reporters-help-vet-text = Ouvrez Signaleurs depuis votre accueil : les candidatures en attente viennent en premier. En cas de doute, vérifiez l'organisation, son site et sa clé OpenPGP par un autre canal. Approuvez pour inviter son contact à créer un compte de signaleur ; refusez avec un motif, envoyé par courriel au candidat. Suspendez avec un motif un signaleur approuvé qui abuse : il peut toujours se connecter, mais rien de ce qu'il envoie ne part tant que vous ne l'avez pas rétabli.
reporters-help-apply = Devenir signaleur
reporters-help-apply-text = Utilisez le formulaire Devenir signaleur, accessible depuis la page publique et la page de connexion : aucun compte n'est nécessaire. Indiquez un site https et une adresse que vous lisez ; le secrétariat répond dans la langue choisie. En cas d'approbation, le courriel contient un lien pour définir un mot de passe et un second facteur.
reporters-help-status = Votre statut
reporters-help-status-text = Votre accueil indique votre organisation et son statut. Un signaleur suspendu peut toujours se connecter et en connaît le motif, mais rien de ce qu'il envoie ne parvient aux États tant que le secrétariat ne l'a pas rétabli.
reporters-col-language = Langue de ses courriels
reporters-col-why = Pourquoi elle souhaite alerter les États

# Des formulaires qui aident : champs obligatoires, erreurs en mots simples,
# étapes de confirmation avec un motif, examen d'une modification,
# confirmations, modèle d'import.

forms-required = (obligatoire)
forms-required-intro = Les champs marqués « obligatoire » doivent être remplis.
forms-error-summary = { $count ->
    [one] Un champ demande votre attention :
   *[other] { $count } champs demandent votre attention :
}
forms-cancel = Annuler
forms-error-role = Indiquez s'il s'agit du point de contact diplomatique ou technique.
forms-error-phone = Écrivez le numéro au format international : le signe plus, l'indicatif du pays, puis le numéro, par ex. +33 1 23 45 67 89.
forms-error-phone-use = Indiquez l'usage du numéro : bureau, mobile ou jour et nuit.
forms-error-language = Cette langue n'a pas été reconnue. Écrivez son code court, par ex. « fr » pour le français ou « ar » pour l'arabe.
forms-error-time-zone = Ce fuseau horaire n'a pas été reconnu. Écrivez une région et une ville, par ex. « Europe/Paris » ou « Asia/Karachi ».
forms-error-withdraw-reason = Indiquez pourquoi ce point de contact est retiré ; le secrétariat le verra.
forms-error-reason-too-long = Le motif est trop long : 1 000 caractères au plus.

forms-pending-create = nouvelle désignation
forms-new-entry-heading = Nouvelle fiche (première désignation)
forms-diff-heading = Modification proposée, champ par champ
forms-diff-intro = Chaque champ de la fiche actuelle à côté de la proposition, marqué en toutes lettres : inchangé, ajouté, supprimé ou modifié.
forms-diff-field = Champ
forms-diff-change = Changement
forms-diff-current = Fiche actuelle
forms-diff-proposed = Proposition
forms-diff-empty = (vide)
diff-unchanged = inchangé
diff-added = ajouté
diff-removed = supprimé
diff-changed = modifié
forms-withdrawal-reason-shown = Motif donné pour le retrait :

forms-approve-create = Approuver la désignation
forms-approve-update = Approuver la modification
forms-approve-withdraw = Approuver le retrait
forms-reject-create = Rejeter la désignation
forms-reject-update = Rejeter la modification
forms-reject-withdraw = Rejeter le retrait
forms-reject-needs-reason = Un rejet demande un motif, que l'autorité de désignation verra.
forms-reject-intro-create = La désignation sera rejetée et n'apparaîtra pas dans l'annuaire. L'autorité de désignation verra votre motif.
forms-reject-intro-update = La modification sera rejetée ; la fiche actuelle reste telle quelle. L'autorité de désignation verra votre motif.
forms-reject-intro-withdraw = Le retrait sera rejeté ; le point de contact reste dans l'annuaire. L'autorité de désignation verra votre motif.
forms-reject-reason = Motif du rejet
forms-reject-reason-hint = En une ou deux phrases : ce qui ne va pas, et ce qui la rendrait acceptable.
forms-withdraw-heading = Retirer
forms-withdraw-intro-nomination = Cette désignation n'a pas encore été vérifiée : elle est retirée aussitôt et le secrétariat ne l'examinera plus.
forms-withdraw-intro-active = Le point de contact reste dans l'annuaire jusqu'à ce que le secrétariat approuve le retrait.
forms-withdraw-reason = Motif du retrait
forms-withdraw-reason-hint = Par exemple : a quitté son poste, remplacé par une autre personne. Le motif est conservé avec le retrait.
forms-withdraw-button-nomination = Retirer la désignation
forms-withdraw-button-active = Demander le retrait

done-nominated = La désignation a été envoyée. Le secrétariat la vérifie avant qu'elle n'apparaisse dans l'annuaire.
done-nomination-amended = La désignation a été mise à jour. Elle attend toujours sa vérification.
done-change-proposed = La modification a été envoyée pour vérification. D'ici là, l'annuaire montre la fiche actuelle.
done-confirmed = Confirmé : les coordonnées sont toujours valables. La prochaine date de revalidation a été repoussée.
done-withdrawal-requested = Le retrait a été envoyé pour vérification. D'ici là, le point de contact reste dans l'annuaire.
done-nomination-withdrawn = La désignation a été retirée.
done-approved-create = Désignation approuvée : le point de contact figure désormais dans l'annuaire.
done-approved-update = Modification approuvée : l'annuaire montre désormais les nouvelles coordonnées.
done-approved-withdraw = Retrait approuvé : le point de contact ne figure plus dans l'annuaire.
done-decided = La décision a été enregistrée.
done-rejected = Rejeté. L'autorité de désignation verra votre motif.
done-imported = Les désignations ont été importées. Elles attendent leur vérification ci-dessous.

forms-import-template-link = Télécharger le modèle d'import (CSV)
forms-import-template-hint = UTF-8, les noms des colonnes sur la première ligne et une ligne d'exemple à remplacer par les vôtres. Dans une cellule, les éléments d'une liste sont séparés par « ; ».
forms-import-columns-heading = Ce que contient chaque colonne
forms-import-col-column = Colonne
forms-import-col-what = Ce qu'il faut écrire
forms-import-col-example = Exemple
forms-import-col-participant = Le code à trois lettres de l'État, par ex. PAK pour le Pakistan ou FRA pour la France.
forms-import-col-role = « diplomatic » ou « technical ».
forms-import-col-name = Le nom complet de la personne.
forms-import-col-title = Facultatif. Sa fonction.
forms-import-col-organisation = Le ministère, l'agence ou le CERT où elle travaille.
forms-import-col-emails = Une ou plusieurs adresses électroniques, séparées par « ; ».
forms-import-col-phones = Facultatif. Chaque numéro au format international (le signe plus et l'indicatif du pays) suivi de son usage : office, mobile ou 24x7 ; numéros séparés par « ; ».
forms-import-col-secure-channels = Facultatif. D'autres moyens sûrs de la joindre, séparés par « ; ».
forms-import-col-languages = Langues de travail en codes courts, séparées par « ; », par ex. en;fr.
forms-import-col-time-zone = Son fuseau horaire, en région et ville, par ex. Asia/Karachi.
forms-import-col-hours = Heures de travail dans ce fuseau, par ex. Mon-Fri 09:00-17:00, ou 24/7.
forms-import-col-notes = Facultatif. Tout ce qui aide à la joindre.
forms-import-col-openpgp-key = Facultatif. Sa clé publique OpenPGP entière, dans une seule cellule.

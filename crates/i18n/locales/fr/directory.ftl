## Messages for the directory: search, PoC pages, nomination forms, verification queue, re-validation dashboard.
nav-directory = Annuaire
nav-nominations = Désignations
nav-revalidation = Revalidation

directory-title = Annuaire des points de contact
directory-intro = Les points de contact diplomatiques et techniques des États participants. Cherchez par nom, État, organisation ou tout autre mot ; affinez par région, rôle, langue de travail et fuseau horaire ; ou n’affichez que les personnes actuellement dans leurs heures de travail.
directory-filter-text = Rechercher
directory-any = Tous
directory-filter-role = Rôle
directory-filter-language = Langue de travail
directory-filter-time-zone = Fuseau horaire ou zone
directory-filter-awake = Seulement les personnes dans leurs heures de travail
directory-search = Rechercher
directory-count = { $count ->
    [one] Un point de contact trouvé.
   *[other] { $count } points de contact trouvés.
}
directory-col-state = État ou organisation
directory-col-now = Maintenant
directory-pages = Pages de résultats
directory-previous = Précédente
directory-next = Suivante
directory-error-awake = « Dans les heures de travail » est soit coché, soit non coché.

poc-field-name = Nom
poc-field-secure-channels = Autres canaux sécurisés
poc-field-notes = Remarques
poc-field-status = Statut
poc-phone-office = bureau
poc-phone-mobile = mobile
poc-phone-24x7 = 24 h/24, 7 j/7
poc-status-pending = En attente de vérification
poc-status-active = Actif
poc-status-rejected = Rejeté
poc-status-withdrawn = Retiré
poc-pending-create = nouvelle désignation en attente de vérification
poc-pending-update = modification en attente de vérification
poc-pending-withdraw = retrait en attente de vérification
poc-confirmed-at = Dernière confirmation
poc-revalidate-by = À confirmer de nouveau avant le
poc-overdue = en retard
poc-details-heading = Coordonnées
poc-read-logged = Votre consultation de ces coordonnées a été enregistrée, et l’État de ce point de contact peut la voir.
poc-proposed-heading = Modification proposée
poc-actions-heading = Actions
poc-confirm-button = Confirmer que ces coordonnées sont toujours exactes
poc-edit-button = Proposer une modification
poc-withdraw-button = Retirer ce point de contact
poc-edit-title = Modifier un point de contact
poc-history-heading = Historique
poc-history-version = Version
poc-history-at = Date
poc-history-action = Événement
poc-history-reason = Motif
poc-history-propose = désigné
poc-history-propose-update = modification proposée
poc-history-propose-withdrawal = retrait proposé
poc-history-approve = vérifié par le secrétariat
poc-history-reject = rejeté par le secrétariat
poc-history-confirm = confirmé par l’autorité de désignation

nominations-title = Désignations en attente de vérification
nominations-intro = Chaque désignation, modification ou retrait ne prend effet qu’après vérification par le secrétariat. La demande la plus ancienne figure en premier.
nominations-empty = Rien n’est en attente de vérification.
nominations-col-request = Demande
nominations-col-since = En attente depuis
nominations-decide-heading = Décision du secrétariat
nominations-reason = Motif (obligatoire pour un rejet ; l’autorité de désignation le verra)
nominations-approve = Vérifier et activer
nominations-reject = Rejeter

nominate-title = Désigner un point de contact
nominate-intro = Le secrétariat vérifie chaque désignation avant qu’elle n’apparaisse dans l’annuaire. Les champs obligatoires doivent être remplis ; tous les autres aident les autres États à joindre rapidement cette personne.
nominate-submit = Envoyer pour vérification
form-one-per-line = (un par ligne)
form-phone-hint = (format international, p. ex. +41 22 917 12 34)
form-phone-use = Usage du numéro
form-languages-hint = (codes de langue séparés par des espaces ou des virgules, p. ex. « fr en ar »)
form-time-zone-hint = (fuseau horaire IANA, p. ex. « Europe/Paris », « Asia/Karachi »)
form-hours-hint = (p. ex. « Mon-Fri 09:00-17:00 », « Sun-Thu 08:00-16:00 » ou « 24/7 », dans le fuseau ci-dessus)

revalidation-title = Revalidation des points de contact
revalidation-intro = { $days ->
    [one] Chaque point de contact actif doit être confirmé par son autorité de désignation chaque jour.
   *[other] Chaque point de contact actif doit être confirmé par son autorité de désignation tous les { $days } jours.
} Des rappels sont envoyés avant l’échéance ; les entrées en retard sont signalées ici au secrétariat et à l’État.
revalidation-overdue-count = { $count ->
    [one] Un point de contact n’a pas été confirmé à temps.
   *[other] { $count } points de contact n’ont pas été confirmés à temps.
}
revalidation-none-overdue = Aucun point de contact n’est en retard.
revalidation-days-left = { $days ->
    [one] encore un jour
   *[other] encore { $days } jours
}

region-africa = Afrique
region-americas = Amériques
region-asia = Asie
region-europe = Europe
region-oceania = Océanie

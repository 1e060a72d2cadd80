# La page d'accueil de chaque type de compte, et la page publique avec la carte.

home-help = Aide pour votre rôle
home-help-all = Aide, et comment un État rejoint l'annuaire
home-tasks-heading = Ce que vous pouvez faire
home-col-when = Quand
home-col-who = Qui
home-col-what = Sur quoi
home-col-action = Action
home-col-status = Statut

home-secretariat-title = Secrétariat
home-secretariat-lead = Ce qui vous attend : les nominations à vérifier, les fiches dont la date de revalidation est passée, le courrier qui n'est pas parti et les demandes refusées.
home-queue-count = { $count ->
    [one] nomination ou modification attend une vérification
   *[other] nominations ou modifications attendent une vérification
}
home-overdue-count = { $count ->
    [one] fiche a dépassé sa date de revalidation
   *[other] fiches ont dépassé leur date de revalidation
}
home-mail-queued = { $count ->
    [one] courriel en attente d'envoi
   *[other] courriels en attente d'envoi
}
home-mail-failed = { $count ->
    [one] { $count } courriel abandonné
   *[other] { $count } courriels abandonnés
}
home-overdue-heading = Les plus en retard
home-refusals-heading = Demandes refusées récemment
home-refusals-none = Aucune demande n'a été refusée récemment.
home-refusals-all = Toutes les demandes refusées dans le journal

home-nominator-title = Autorité de nomination
home-nominator-lead = Les points de contact de votre État, leurs dates de revalidation et les nominations qui attendent le secrétariat.
home-pending-count = { $count ->
    [one] demande attend le secrétariat
   *[other] demandes attendent le secrétariat
}
home-state-pocs-heading = Les points de contact de votre État

home-poc-lead = Trouvez le point de contact dont vous avez besoin, et vérifiez que votre propre fiche est à jour.
home-own-entry-heading = Votre fiche dans l'annuaire
home-own-entry-none = Aucune fiche active de votre État ne porte votre adresse électronique. Si vous devriez en avoir une, adressez-vous à l'autorité de nomination de votre État.
home-own-entry-who-confirms = L'autorité de nomination de votre État confirme ou corrige cette fiche ; prévenez-la quand quelque chose change.

home-auditor-title = Auditeur
home-auditor-lead = Le journal inviolable de tout ce qui s'est passé, et son dernier état signé.
home-log-head-heading = La dernière tête signée du journal
home-log-size = Entrées
home-log-signed-at = Signée le
home-log-root = Empreinte racine
home-log-verify = Chacun peut vérifier, sans aucun secret, que le journal n'a jamais été que complété :
home-recent-heading = Activité récente
home-recent-all = Tout le journal, avec des filtres

home-reporter-title = Signaleur privé
home-reporter-lead = En tant que signaleur agréé, vous signalerez des menaces et des vulnérabilités aux points de contact techniques des États que vous choisirez.
home-reporter-can-heading = Ce que vous pouvez faire dès maintenant
home-reporter-can-public = Voir quels États participent :
home-reporter-can-account = Gérer votre mot de passe, votre second facteur et vos jetons d'API :
home-reporter-cannot-heading = Ce que vous ne voyez pas
home-reporter-cannot = Les signaleurs ne voient jamais l'annuaire : ni les noms ni les coordonnées d'aucun point de contact. Vos signalements leur parviennent sans révéler qui ils sont.

public-map-title = Carte du monde où les États participants sont mis en évidence
public-map-key = État participant
public-map-source = Données cartographiques : Natural Earth (domaine public), via world-atlas.
public-by-region = États participants par région
public-organisations = Organisations
public-all-participants = Tous les participants, sous forme de tableau
public-join-more = Comment un État rejoint l'annuaire, et l'aide pour chaque rôle

## Messages for re-validation reminders and overdue notices.

revalidation-mail-reminder-subject = Revalidation à effectuer avant le { $due } : { $poc }, { $state }
revalidation-mail-reminder-body =
    Bonjour,

    Les coordonnées de { $poc } ({ $role }), point de contact de l'État suivant : { $state }, ont été confirmées pour la dernière fois le { $confirmed }. Elles doivent être confirmées de nouveau avant le { $due }, afin que les autres États puissent s'y fier.

    Si elles sont toujours exactes, confirmez-les sur la page de revalidation. Si elles ont changé, proposez une mise à jour ; si la personne n'exerce plus cette fonction, retirez-la.

    Page de revalidation : { $link }
    Le point de contact : { $poc_link }
revalidation-mail-overdue-subject = Revalidation en retard depuis le { $due } : { $poc }, { $state }
revalidation-mail-overdue-body =
    Bonjour,

    Les coordonnées de { $poc } ({ $role }), point de contact de l'État suivant : { $state }, devaient être confirmées de nouveau le { $due } et ne l'ont pas été depuis le { $confirmed }. Elles sont signalées comme en retard dans l'annuaire jusqu'à leur confirmation.

    L'autorité de désignation de l'État est priée de les confirmer, de les mettre à jour ou de les retirer. Le secrétariat reçoit également cet avis.

    Page de revalidation : { $link }
    Le point de contact : { $poc_link }
revalidation-mail-signature = pocdir, l'annuaire des points de contact. Ce message a été envoyé automatiquement ; merci de ne pas y répondre.

nav-outbox = Courriels sortants
outbox-title = Courriels sortants
outbox-intro = Les rappels de revalidation et les avis de retard attendent ici que le relais de messagerie les prenne. Les envois échoués sont retentés plus tard, avec une attente chaque fois plus longue ; un courriel qui échoue encore après de nombreuses tentatives est abandonné et affiché ici avec sa dernière erreur.
outbox-count-queued = { $count ->
    [one] Un courriel en attente d’envoi.
   *[other] { $count } courriels en attente d’envoi.
}
outbox-count-sent = { $count ->
    [one] Un courriel envoyé.
   *[other] { $count } courriels envoyés.
}
outbox-count-failed = { $count ->
    [one] Un courriel abandonné.
   *[other] { $count } courriels abandonnés.
}
outbox-empty = Aucun courriel n’a encore été mis en file.
outbox-col-status = Statut
outbox-col-recipient = Destinataire
outbox-col-subject = Objet
outbox-col-attempts = Tentatives échouées
outbox-col-created = Mis en file
outbox-col-when = Envoyé, ou prochaine tentative
outbox-status-queued = en attente
outbox-status-sent = envoyé
outbox-status-failed = abandonné

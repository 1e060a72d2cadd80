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

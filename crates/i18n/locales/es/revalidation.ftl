## Messages for re-validation reminders and overdue notices.

revalidation-mail-reminder-subject = Revalidación pendiente antes del { $due }: { $poc }, { $state }
revalidation-mail-reminder-body =
    Buenos días:

    Los datos de { $poc } ({ $role }), punto de contacto del siguiente Estado: { $state }, se confirmaron por última vez el { $confirmed }. Deben confirmarse de nuevo antes del { $due }, para que los demás Estados puedan confiar en ellos.

    Si los datos siguen siendo correctos, confírmelos en la página de revalidación. Si han cambiado, proponga una actualización; si la persona ya no ejerce esa función, retírela.

    Página de revalidación: { $link }
    El punto de contacto: { $poc_link }
revalidation-mail-overdue-subject = Revalidación vencida desde el { $due }: { $poc }, { $state }
revalidation-mail-overdue-body =
    Buenos días:

    Los datos de { $poc } ({ $role }), punto de contacto del siguiente Estado: { $state }, debían confirmarse de nuevo el { $due } y no se han confirmado desde el { $confirmed }. Figuran como vencidos en el directorio hasta que se confirmen.

    Se ruega a la autoridad designante del Estado que los confirme, los actualice o los retire. La secretaría también recibe este aviso.

    Página de revalidación: { $link }
    El punto de contacto: { $poc_link }
revalidation-mail-signature = pocdir, el directorio de puntos de contacto. Este mensaje se ha enviado automáticamente; por favor, no lo responda.

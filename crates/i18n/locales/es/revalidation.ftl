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

nav-outbox = Correo saliente
outbox-title = Correo saliente
outbox-intro = Los recordatorios de revalidación y los avisos de vencimiento esperan aquí hasta que el servidor de correo los recoja. Los envíos fallidos se reintentan más tarde, esperando cada vez más; un correo que sigue fallando tras muchos intentos se abandona y se muestra aquí con su último error.
outbox-count-queued = { $count ->
    [one] Un correo en espera de envío.
   *[other] { $count } correos en espera de envío.
}
outbox-count-sent = { $count ->
    [one] Un correo enviado.
   *[other] { $count } correos enviados.
}
outbox-count-failed = { $count ->
    [one] Un correo abandonado.
   *[other] { $count } correos abandonados.
}
outbox-empty = Todavía no se ha puesto en cola ningún correo.
outbox-col-status = Estado
outbox-col-recipient = Destinatario
outbox-col-subject = Asunto
outbox-col-attempts = Intentos fallidos
outbox-col-created = En cola desde
outbox-col-when = Enviado, o próximo intento
outbox-status-queued = en espera
outbox-status-sent = enviado
outbox-status-failed = abandonado

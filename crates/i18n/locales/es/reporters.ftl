# Informantes: el formulario público de solicitud, las páginas de examen de la secretaría, los correos a los solicitantes y la página de inicio del informante.
reporters-apply-teaser = Una empresa, un equipo de investigación o un CSIRT que detecte amenazas o vulnerabilidades puede notificarlas a los puntos de contacto técnicos de los Estados.
reporters-apply-link = Solicitar ser informante
reporters-apply-title = Solicitar ser informante
reporters-apply-intro = Las empresas, equipos de investigación y CSIRT ajenos al directorio pueden convertirse en informantes acreditados: una vez aprobados, notifican amenazas y vulnerabilidades a los puntos de contacto técnicos de los Estados participantes. Un informante nunca ve el directorio.
reporters-apply-what-next = La secretaría examina cada solicitud y responde por correo electrónico, en el idioma que usted elija.
reporters-apply-submit = Enviar la solicitud
reporters-field-organisation = Organización
reporters-field-country = País
reporters-field-website = Sitio web
reporters-website-hint = Una dirección https://
reporters-field-contact-name = Persona de contacto
reporters-field-contact-email = Correo electrónico de contacto
reporters-field-language = Idioma de nuestra respuesta
reporters-field-openpgp-key = Clave pública OpenPGP
reporters-openpgp-hint = Opcional; en formato ASCII blindado
reporters-field-why = Por qué desea notificar a los Estados
reporters-why-hint = Lo que hacen y lo que notificarían
reporters-thanks-title = Solicitud recibida
reporters-thanks-body = Gracias. La secretaría examinará la solicitud y responderá a la persona de contacto por correo electrónico.
reporters-thanks-back = Volver a la página de inicio
reporters-error-required = Este campo es obligatorio.
reporters-error-too-long = Es demasiado largo.
reporters-error-control-characters = Contiene caracteres que no se pueden mostrar.
reporters-error-country = Elija un país de la lista.
reporters-error-website = Indique una dirección https:// de un sitio con nombre, sin usuario ni contraseña.
reporters-error-email = No es una dirección de correo electrónico.
reporters-error-language = Elija uno de los seis idiomas de la ONU.
reporters-error-not-now = Esta decisión no es posible en el estado actual del informante.
reporters-error-reason-missing = Indique un motivo: se envía al solicitante.
reporters-error-reason-too-long = El motivo supera los 1000 caracteres.
reporters-error-address-taken = La dirección del contacto ya tiene una cuenta o una invitación abierta.
reporters-error-decision = Decisión desconocida.
reporters-status-pending = Pendiente de examen
reporters-status-approved = Aprobado
reporters-status-rejected = Rechazado
reporters-status-suspended = Suspendido
reporters-decision-approve = Aprobar
reporters-decision-reject = Rechazar
reporters-decision-suspend = Suspender
reporters-decision-reinstate = Restablecer
reporters-list-title = Informantes
reporters-list-intro = Solicitudes de empresas, equipos de investigación y CSIRT, primero las pendientes de examen. Aprobar una invita a su contacto a crear una cuenta de informante.
reporters-list-pending = { $count ->
    [one] Una solicitud está pendiente de examen.
   *[other] { $count } solicitudes están pendientes de examen.
}
reporters-list-none = Todavía no hay solicitudes.
reporters-col-status = Estado
reporters-col-applied = Solicitud
reporters-col-reason = Motivo
reporters-col-fingerprint = Huella OpenPGP
reporters-col-when = Fecha
reporters-col-decision = Decisión
reporters-reason = Motivo
reporters-history = Decisiones
reporters-home-suspended = Su organización está suspendida: puede seguir iniciando sesión, pero nada de lo que envíe llega a los Estados hasta que la secretaría la restablezca.
done-reporter-approved = Aprobado: se ha invitado al contacto por correo electrónico a crear la cuenta de informante.
done-reporter-rejected = Rechazado: se ha comunicado el motivo al solicitante.
done-reporter-suspended = Suspendido: se ha comunicado el motivo al informante.
done-reporter-reinstated = Restablecido: se ha informado al informante.
reporters-mail-approve-subject = Su solicitud para notificar a los Estados ha sido aprobada
reporters-mail-approve-body = La secretaría ha aprobado la solicitud de { $organisation } para notificar a los puntos de contacto técnicos de los Estados participantes.

    Cree su cuenta de informante (una contraseña y un segundo factor) con este enlace, antes del { $expires }:
    { $link }
reporters-mail-reject-subject = Su solicitud para notificar a los Estados
reporters-mail-reject-body = La secretaría no ha aprobado la solicitud de { $organisation }.

    Motivo: { $reason }
reporters-mail-suspend-subject = Su cuenta de informante ha sido suspendida
reporters-mail-suspend-body = La secretaría ha suspendido a { $organisation } como informante: nada de lo que envíe llega a los Estados hasta que se restablezca.

    Motivo: { $reason }
reporters-mail-reinstate-subject = Su cuenta de informante ha sido restablecida
reporters-mail-reinstate-body = La secretaría ha restablecido a { $organisation } como informante. Inicie sesión: { $link }
values-log-reporter-apply = { $actor } solicitó ser informante: { $object }.
values-log-reporter-approve = { $actor } aprobó { $object }.
values-log-reporter-reject = { $actor } rechazó { $object }.
values-log-reporter-suspend = { $actor } suspendió { $object }.
values-log-reporter-reinstate = { $actor } restableció { $object }.
reporters-object = el informante n.º { $id }
reporters-help-vet = Examinar informantes
reporters-help-vet-text = Abra Informantes desde su página de inicio: primero aparecen las solicitudes pendientes. Si tiene dudas, compruebe la organización, su sitio web y su clave OpenPGP por otro canal. Apruebe para invitar a su contacto a crear una cuenta de informante; rechace indicando un motivo, que se envía al solicitante. Suspenda con un motivo a un informante aprobado que haga un mal uso: puede seguir iniciando sesión, pero nada de lo que envíe sale hasta que usted lo restablezca.
reporters-help-apply = Solicitar ser informante
reporters-help-apply-text = Use el formulario Solicitar ser informante, enlazado desde la página pública y la de inicio de sesión: no se necesita cuenta. Indique un sitio https y una dirección que usted lea; la secretaría responde en el idioma elegido. Si se aprueba, el correo incluye un enlace para definir una contraseña y un segundo factor.
reporters-help-status = Su estado
reporters-help-status-text = Su página de inicio muestra su organización y su estado. Un informante suspendido puede seguir iniciando sesión y conoce el motivo, pero nada de lo que envíe llega a los Estados hasta que la secretaría lo restablezca.
reporters-col-language = Idioma de sus correos
reporters-col-why = Por qué desea notificar a los Estados

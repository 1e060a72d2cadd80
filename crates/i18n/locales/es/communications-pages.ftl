# Las páginas de las comunicaciones: bandeja, redacción, hilo, reenvío; el
# menú, los inicios y la ayuda. (Las palabras compartidas están en communications.ftl.)

nav-communications = Comunicaciones
comm-page-unread-count = { $count ->
    [one] { $count } comunicación sin leer
   *[other] { $count } comunicaciones sin leer
}

comm-page-inbox-title = Comunicaciones
comm-page-metadata-only = Usted ve quién envió qué a quién, cuándo, con qué etiqueta y en qué estado, pero no el contenido: el operador del directorio no puede verlo.
comm-page-compose = Redactar una comunicación
comm-page-folders = Carpetas
comm-page-any = Cualquiera
comm-page-filter-unread = Solo sin leer
comm-page-filter-unacknowledged = Solo sin acuse de recibo
comm-page-filter-apply = Mostrar
comm-page-none = No hay comunicaciones aquí.
comm-page-col-label = Etiqueta
comm-page-col-from = De
comm-page-col-sent = Enviada
comm-page-col-status = Estado
comm-page-col-recipient = Destinatario
comm-page-unread = Sin leer
comm-page-number = Comunicación n.º { $id }
comm-page-older = Comunicaciones anteriores
comm-page-acknowledged-of = { $count } de { $total } acusaron recibo

comm-page-field-kind = Tipo
comm-page-field-urgency = Urgencia
comm-page-field-tlp = Etiqueta TLP
comm-page-field-to = Destinatarios
comm-page-field-text = Texto libre
comm-page-field-text-language = Idioma del texto libre
comm-page-field-attachments = Archivos adjuntos

comm-page-compose-title = Redactar una comunicación
comm-page-reply-title = Responder
comm-page-compose-intro = Indique lo que sabe; los campos estructurados se muestran a cada lector en su idioma y el texto libre tal como usted lo escribe.
comm-page-not-sent = No se envió nada. Corrija los campos siguientes y vuelva a enviar.
comm-page-urgency-hint = Urgente: acuse de recibo esperado en 2 horas; prioritaria: en 24 horas; ordinaria: en 72 horas.
comm-page-address-states = A Estados enteros, por función
comm-page-states = Estados participantes
comm-page-states-hint = (mantenga pulsada Ctrl o ⌘ para elegir varios)
comm-page-roles = Qué puntos de contacto de esos Estados:
comm-page-address-named = A puntos de contacto designados
comm-page-named-hint = Los puntos de contacto de los Estados participantes, por Estado. TLP:RED exige puntos de contacto designados.
comm-page-local-time = Fecha y hora
comm-page-time-zone = Zona horaria
comm-page-text-language-hint = p. ej., español (es)
comm-page-attachments-hint = PDF, PNG, JPEG o texto sin formato; como máximo 5 archivos, de 5 MB cada uno y 10 MB en total.
comm-page-send = Enviar
comm-page-send-reply = Enviar la respuesta
comm-page-reply-recipients = La respuesta va al remitente y a cada destinatario de la comunicación que usted responde.
comm-page-back-to-thread = Volver a la comunicación

comm-page-forward-title = Reenviar
comm-page-forward-intro = Reenvíe el contenido y los archivos con una etiqueta que mantenga o restrinja la original, a destinatarios que esa etiqueta permita.
comm-page-forward-send = Reenviar
comm-page-forward-refused = No se reenvió: la etiqueta no lo permite. La negativa queda registrada en el registro.

comm-page-thread-title = Comunicación
comm-page-back-to-inbox = Volver a las comunicaciones
comm-page-amber-reminder = TLP:AMBER: fuera de pocdir, comparta esto solo con quienes su Estado atiende y solo cuando necesiten conocerlo.
comm-page-ack-by = Acuse de recibo esperado antes del
comm-page-forwarded-from = Reenvía
comm-page-my-status = Su estado
comm-page-text-as-written = Texto libre, tal como se escribió (en { $language }):
comm-page-escalated = Ningún punto de contacto técnico acusó recibo a tiempo; se alertó a los puntos de contacto diplomáticos de estos Estados:
comm-page-recipients = { $count ->
    [one] { $count } destinatario
   *[other] { $count } destinatarios
}
comm-page-acknowledge = Acusar recibo
comm-page-reply = Responder
comm-page-forward = Reenviar
comm-page-zoned-time = { $time } ({ $zone })
comm-page-size-kb = { $size } KB
comm-page-size-mb = { $size } MB

comm-page-home-metadata = quién envió qué a quién, y los estados (sin el contenido)
comm-page-home-unread = { $count ->
    [one] comunicación sin leer
   *[other] comunicaciones sin leer
}

done-communication-sent = La comunicación se envió a todos los destinatarios.
done-communication-replied = Su respuesta se envió.
done-communication-forwarded = La comunicación se reenvió.
done-communication-acknowledged = Acuse de recibo registrado: el remitente lo ve.

help-task-communications = Leer sus comunicaciones
help-task-communications-text = «Comunicaciones» en el menú indica cuántas no ha abierto todavía. La bandeja de entrada enumera lo que recibió, lo más reciente primero; «Enviadas», lo que envió; «Las de mi Estado», todo lo enviado a su Estado o por él. Filtre por tipo, urgencia, etiqueta, sin leer o sin acuse de recibo.
help-task-communications-send = Enviar una comunicación
help-task-communications-send-text = Elija el tipo, la urgencia y una etiqueta TLP y, luego, los destinatarios: Estados participantes enteros (sus puntos de contacto diplomáticos, técnicos o todos) o puntos de contacto designados. La información TLP:RED solo puede ir a puntos de contacto designados. No hay campo para la atribución: el directorio no es una herramienta para determinar la atribución.
help-task-communications-read = Leer y acusar recibo
help-task-communications-read-text = Cada mensaje muestra primero su etiqueta TLP y lo que permite. Acuse recibo en cuanto haya tomado nota: si ningún punto de contacto técnico de su Estado acusa recibo antes del plazo, se alerta a los puntos de contacto diplomáticos de su Estado.
help-task-communications-reply = Responder
help-task-communications-reply-text = Una respuesta va al remitente y a cada destinatario del mensaje que responde, en el mismo hilo.
help-task-communications-forward = Reenviar
help-task-communications-forward-text = Un reenvío puede mantener o restringir la etiqueta, nunca relajarla, y solo llegar a quienes la etiqueta permite. La información TLP:RED nunca se reenvía. Un reenvío rechazado queda registrado en el registro.
help-task-communications-metadata = Comunicaciones entre puntos de contacto
help-task-communications-metadata-text = La lista de todas las comunicaciones muestra quién envió qué tipo de comunicación a quién, cuándo, con qué etiqueta, el estado de cada destinatario y cualquier escalamiento. El operador no puede ver el contenido, salvo que usted sea destinatario.

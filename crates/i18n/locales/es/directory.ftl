## Messages for the directory: search, PoC pages, nomination forms, verification queue, re-validation dashboard.
nav-directory = Directorio
nav-nominations = Designaciones
nav-revalidation = Revalidación

directory-title = Directorio de puntos de contacto
directory-intro = Los puntos de contacto diplomáticos y técnicos de los Estados participantes. Busque por nombre, Estado, organización o cualquier otra palabra; filtre por región, función, idioma de trabajo y huso horario; o muestre solo a quienes están ahora en su horario de trabajo.
directory-filter-text = Buscar
directory-any = Todos
directory-filter-role = Función
directory-filter-language = Idioma de trabajo
directory-filter-time-zone = Huso horario o zona
directory-filter-awake = Solo quienes están ahora en horario de trabajo
directory-search = Buscar
directory-count = { $count ->
    [one] Se encontró un punto de contacto.
   *[other] Se encontraron { $count } puntos de contacto.
}
directory-col-state = Estado u organización
directory-col-now = Ahora
directory-pages = Páginas de resultados
directory-previous = Anterior
directory-next = Siguiente
directory-error-awake = «En horario de trabajo ahora» está activado o desactivado.

poc-field-name = Nombre
poc-field-secure-channels = Otros canales seguros
poc-field-notes = Observaciones
poc-field-status = Estado
poc-phone-office = oficina
poc-phone-mobile = móvil
poc-phone-24x7 = 24/7
poc-status-pending = Pendiente de verificación
poc-status-active = Activo
poc-status-rejected = Rechazado
poc-status-withdrawn = Retirado
poc-pending-create = nueva designación pendiente de verificación
poc-pending-update = cambio pendiente de verificación
poc-pending-withdraw = retiro pendiente de verificación
poc-confirmed-at = Última confirmación
poc-revalidate-by = Confirmar de nuevo antes del
poc-overdue = vencido
poc-details-heading = Datos de contacto
poc-read-logged = Su consulta de estos datos ha quedado registrada, y el Estado de este punto de contacto puede verla.
poc-proposed-heading = Cambio propuesto
poc-actions-heading = Acciones
poc-confirm-button = Confirmar que estos datos siguen siendo correctos
poc-edit-button = Proponer un cambio
poc-withdraw-button = Retirar este punto de contacto
poc-edit-title = Modificar un punto de contacto
poc-history-heading = Historial
poc-history-version = Versión
poc-history-at = Fecha
poc-history-action = Qué ocurrió
poc-history-reason = Motivo
poc-history-propose = designado
poc-history-propose-update = cambio propuesto
poc-history-propose-withdrawal = retiro propuesto
poc-history-approve = verificado por la secretaría
poc-history-reject = rechazado por la secretaría
poc-history-confirm = confirmado por la autoridad designante

nominations-title = Designaciones pendientes de verificación
nominations-intro = Cada designación, cambio o retiro surte efecto solo cuando la secretaría lo ha verificado. La solicitud más antigua aparece primero.
nominations-empty = No hay nada pendiente de verificación.
nominations-col-request = Solicitud
nominations-col-since = En espera desde
nominations-decide-heading = Decisión de la secretaría
nominations-reason = Motivo (obligatorio para rechazar; la autoridad designante lo verá)
nominations-approve = Verificar y activar
nominations-reject = Rechazar

nominate-title = Designar un punto de contacto
nominate-intro = La secretaría verifica cada designación antes de que aparezca en el directorio. Los campos obligatorios deben completarse; todos los demás ayudan a otros Estados a localizar rápidamente a esta persona.
nominate-submit = Enviar para verificación
form-one-per-line = (uno por línea)
form-phone-hint = (formato internacional, p. ej. +41 22 917 12 34)
form-phone-use = Uso del número
form-languages-hint = (códigos de idioma separados por espacios o comas, p. ej. «es en fr»)
form-time-zone-hint = (huso horario IANA, p. ej. «America/Bogota», «Europe/Madrid»)
form-hours-hint = (p. ej. «Mon-Fri 09:00-17:00», «Sun-Thu 08:00-16:00» o «24/7», en el huso horario indicado)

revalidation-title = Revalidación de los puntos de contacto
revalidation-intro = { $days ->
    [one] Cada punto de contacto activo debe ser confirmado por su autoridad designante cada día.
   *[other] Cada punto de contacto activo debe ser confirmado por su autoridad designante cada { $days } días.
} Se envían recordatorios antes de la fecha; las entradas vencidas se señalan aquí a la secretaría y al Estado.
revalidation-overdue-count = { $count ->
    [one] Un punto de contacto tiene la confirmación vencida.
   *[other] { $count } puntos de contacto tienen la confirmación vencida.
}
revalidation-none-overdue = Ningún punto de contacto tiene la confirmación vencida.
revalidation-days-left = { $days ->
    [one] queda un día
   *[other] quedan { $days } días
}

region-africa = África
region-americas = Américas
region-asia = Asia
region-europe = Europa
region-oceania = Oceanía

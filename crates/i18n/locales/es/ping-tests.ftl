# Pruebas de contacto (ping tests): etiquetas de las reglas, comprobaciones de una campaña, rechazos de una respuesta y correos.
ping-kind-scheduled = Programada
ping-kind-ad_hoc = Puntual
ping-status-scheduled = Programada
ping-status-running = En curso
ping-status-finished = Terminada
ping-status-cancelled = Cancelada
ping-roles-both = Puntos de contacto diplomáticos y técnicos
ping-roles-diplomatic = Puntos de contacto diplomáticos
ping-roles-technical = Puntos de contacto técnicos
ping-channel-link = Enlace enviado por correo
ping-channel-portal = Portal
ping-channel-api = API
ping-channel-other_channel = Otro medio (registrado por la secretaría)
ping-outcome-in_time = Respondió a tiempo
ping-outcome-late = Respondió tarde
ping-outcome-no_answer = Sin respuesta
ping-outcome-undeliverable = Correo no entregable
ping-outcome-awaiting = Respuesta pendiente
ping-finding-reached = Localizado
ping-finding-not_reached = No localizado
ping-reach-all = Todos los puntos de contacto localizados
ping-reach-partly = Algunos puntos de contacto localizados
ping-reach-none = Ningún punto de contacto localizado
ping-reach-awaiting = Respuestas pendientes
ping-band-under_1h = Menos de 1 hora
ping-band-1h_4h = De 1 a 4 horas
ping-band-4h_12h = De 4 a 12 horas
ping-band-12h_24h = De 12 a 24 horas
ping-band-24h_48h = De 1 a 2 días
ping-band-48h_72h = De 2 a 3 días
ping-band-over_72h = Más de 3 días
ping-refused-unknown = Este enlace de prueba de contacto no es válido. Compruebe que copió el enlace completo del correo; no se registró nada.
ping-refused-used = Esta prueba de contacto ya fue respondida. Gracias: no hace falta nada más.
ping-refused-expired = Esta prueba de contacto se cerró; ya no se registran respuestas. No se registró nada.
ping-refused-cancelled = La secretaría canceló esta prueba de contacto. No se registró nada y no hace falta nada más.
ping-error-title-required = Dé un título a la campaña.
ping-error-title-invalid = El título debe tener como máximo 200 caracteres, sin caracteres de control.
ping-error-start-past = El inicio está en el pasado. Elija una hora a partir de ahora, o déjelo vacío para empezar ya.
ping-error-start-far = El inicio debe estar dentro de los próximos tres años.
ping-error-window = El plazo de respuesta debe estar entre 1 hora y 30 días.
ping-error-reminders-many = Cinco recordatorios como máximo.
ping-error-reminder-outside = Cada recordatorio debe caer dentro del plazo de respuesta (al menos 1 hora después del inicio).
ping-error-region-unknown = Una región elegida no es la de un Estado participante.
ping-error-state-unknown = Un Estado elegido no participa.
ping-error-announce-adhoc = Una campaña que empieza ahora no puede anunciarse con antelación; prográmela para más tarde.
ping-error-scope-empty = No hay ningún punto de contacto en este alcance: ningún punto de contacto activo de un Estado participante coincide con los roles, regiones y Estados elegidos.
ping-error-note = La nota debe tener como máximo 2.000 caracteres.
ping-error-cancel-over = Solo se puede cancelar una campaña programada o en curso.
ping-error-publish-unfinished = Solo se pueden publicar las cifras de una campaña terminada.
ping-error-published-already = Las cifras de esta campaña ya están publicadas.
ping-mail-challenge-subject = Prueba de contacto: confirme que se le puede localizar ({ $title })
ping-mail-challenge-body =
    Esta es una prueba de contacto del directorio de puntos de contacto ({ $title }).
    Comprueba que los puntos de contacto designados por los Estados pueden ser localizados y responden a tiempo.

    Abra este enlace y pulse el botón «Confirmo» en la página que se abre:
    { $link }

    Responda antes del { $answer_by }. Abrir el enlace por sí solo no registra nada.
    El enlace funciona una sola vez y solo para usted; no lo reenvíe.

    Qué es una prueba de contacto y cómo se usan sus resultados: { $about }
ping-mail-reminder-subject = Recordatorio: prueba de contacto, confirme que se le puede localizar ({ $title })
ping-mail-reminder-body =
    Aún no hemos recibido su respuesta a la prueba de contacto del directorio de puntos de contacto ({ $title }).

    Abra este enlace y pulse el botón «Confirmo» en la página que se abre:
    { $link }

    Responda antes del { $answer_by }.

    Qué es una prueba de contacto y cómo se usan sus resultados: { $about }
ping-mail-notice-subject = Se realizará una prueba de contacto ({ $title })
ping-mail-notice-body =
    Una prueba de contacto del directorio de puntos de contacto ({ $title }) empezará el { $starts_at }.
    Recibirá un correo con un enlace; ábralo y pulse el botón de la página que se abre.

    Qué es una prueba de contacto y cómo se usan sus resultados: { $about }
ping-mail-escalation-subject = Prueba de contacto: { $count ->
    [one] un punto de contacto de su Estado no respondió a tiempo
   *[other] { $count } puntos de contacto de su Estado no respondieron a tiempo
} ({ $title })
ping-mail-escalation-body =
    El plazo de respuesta de la prueba de contacto «{ $title }» ha terminado.
    Estos puntos de contacto de su Estado no respondieron a tiempo:

    { $pocs }

    Compruebe que sus datos están al día y que se les puede localizar. Resultados: { $link }

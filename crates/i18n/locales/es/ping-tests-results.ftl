# Pruebas de contacto: resultados de una campaña, gráficos y exportaciones, comprobación por otro canal y tendencia.
ping-results-title = Resultados de la prueba de contacto
ping-results-back = Volver a la campaña
ping-results-back-list = Volver a las pruebas de contacto
ping-results-status = Estado
ping-results-starts = Inicio
ping-results-answer-by = Respuestas a tiempo hasta
ping-results-closes = Cierre
ping-results-download = Descargar estos resultados:
ping-results-download-csv = CSV (hoja de cálculo)
ping-results-download-json = JSON
ping-results-trend-link = Tendencia entre campañas
ping-results-pick-state = Estado
ping-results-all-states = Todos los Estados
ping-results-show = Mostrar
ping-results-overall = Todos los Estados en conjunto
ping-results-overall-note = { $count ->
    [one] Se envió una prueba a un punto de contacto en esta campaña. Estas cifras cuentan todos los Estados en conjunto.
   *[other] Se enviaron pruebas a { $count } puntos de contacto en esta campaña. Estas cifras cuentan todos los Estados en conjunto.
}
ping-results-reach = Estados localizados
ping-results-times = Tiempos de respuesta
ping-results-answers = { $count ->
    [one] Una respuesta.
   *[other] { $count } respuestas.
}
ping-results-median = Tiempo de respuesta mediano
ping-results-p90 = El 90 % respondió en menos de
ping-results-none = ninguno
ping-results-by-state = Por Estado
ping-results-your-state = Su Estado
ping-results-pocs-of = Puntos de contacto de
ping-results-no-lines = No hay nada que mostrar aquí.
ping-results-col-category = Categoría
ping-results-col-count = Número
ping-results-col-share = Proporción
ping-results-col-states = Estados
ping-results-col-state = Estado
ping-results-col-pocs = Puntos de contacto
ping-results-col-reach = Alcance
ping-results-col-name = Nombre
ping-results-col-role = Función
ping-results-col-outcome = Resultado
ping-results-col-channel = Respondió por
ping-results-col-response = Tiempo de respuesta
ping-results-col-reminders = Recordatorios enviados
ping-results-col-finding = Comprobación por otro canal
ping-results-col-check = Registrar una comprobación
ping-results-col-campaign = Campaña
ping-results-col-reached = Localizados
ping-results-record-check = Registrar una comprobación por otro canal
ping-results-finding-legend = ¿Qué resultado dio la comprobación por otro canal (por ejemplo, una llamada telefónica)?
ping-results-finding-note = Nota (cómo, cuándo, con quién)
ping-results-finding-submit = Registrar la comprobación
ping-results-error-finding = Indique si se localizó o no al punto de contacto.
done-ping-finding-recorded = La comprobación por otro canal ha quedado registrada.
ping-results-chart-outcomes = Resultados de las pruebas, todos los Estados
ping-results-chart-state-outcomes = Resultados de las pruebas, { $state }
ping-results-chart-outcomes-desc = { $total ->
    [one] De un punto de contacto
   *[other] De { $total } puntos de contacto
}: { $in_time } respondieron a tiempo, { $late } con retraso, { $no_answer } no respondieron, { $undeliverable } no pudieron recibir el correo, { $awaiting } aún no han respondido.
ping-results-chart-distribution = Tiempos de respuesta
ping-results-chart-distribution-desc = De { $answers } respuestas: { $bands }. Tiempo mediano { $median }; el 90 % respondió en menos de { $p90 }.
ping-results-chart-distribution-none = Todavía no hay respuestas, así que no hay tiempos de respuesta.
ping-results-chart-band-count = { $band }: { $count }
ping-results-list-separator = {", "}
ping-results-percent = { $whole },{ $tenth } %
ping-results-duration-dh = { $d } d { $h } h
ping-results-duration-hm = { $h } h { $m } min
ping-results-duration-m = { $m } min
ping-results-trend-title = Pruebas de contacto: la tendencia entre campañas
ping-results-trend-lead = La proporción de puntos de contacto que respondieron a tiempo, y de los que fueron localizados, en cada campaña, para todos los Estados en conjunto.
ping-results-trend-lead-state = La proporción de puntos de contacto que respondieron a tiempo, y de los que fueron localizados, en cada campaña, para todos los Estados en conjunto y para
ping-results-trend-all-states = Todos los Estados
ping-results-chart-trend-in-time = Proporción de puntos de contacto que respondieron a tiempo, por campaña
ping-results-chart-trend-reached = Proporción de puntos de contacto localizados (a tiempo o con retraso), por campaña
ping-results-chart-trend-none = Todavía no ha comenzado ninguna prueba de contacto.
ping-results-chart-trend-absent = no participó en esta campaña
ping-results-chart-trend-point = { $campaign } { $value }
ping-results-chart-trend-series = { $series }: { $points }.

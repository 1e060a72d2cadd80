# Creación de capacidad: solicitudes, ofertas, selección, acuse de recibo y
# confirmación de la secretaría, seguimientos.

home-capacity-link = Creación de capacidad: solicitudes y ofertas
capacity-object = solicitud de creación de capacidad n.º { $id }

capacity-list-title = Creación de capacidad
capacity-list-lead = Los Estados solicitan ayuda para crear capacidad; Estados y organizaciones la ofrecen; el Estado solicitante elige, la secretaría confirma la vinculación y cada vinculación es objeto de seguimiento a los 6 y a los 12 meses.
capacity-new-title = Presentar una solicitud de creación de capacidad
capacity-new-intro = Indique lo que necesita su Estado. Los proveedores ven la solicitud según lo que usted elija a continuación; usted compara sus ofertas y selecciona una.
capacity-count = { $count ->
    [one] { $count } solicitud
   *[other] { $count } solicitudes
}
capacity-overdue-count = { $count ->
    [one] { $count } solicitud espera acuse de recibo tras vencer su plazo de 5 días hábiles.
   *[other] { $count } solicitudes esperan acuse de recibo tras vencer su plazo de 5 días hábiles.
}
capacity-filter-show = Mostrar
capacity-show-open = Abiertas a ofertas
capacity-show-mine = Solicitudes de mi Estado
capacity-show-all = Todas las que puedo ver
capacity-filter-any = Cualquiera
capacity-filter-needed-before = Necesaria para (a más tardar)
capacity-filter-apply = Filtrar
capacity-col-request = Solicitud
capacity-col-requester = Estado solicitante
capacity-col-status = Estado
capacity-col-filed = Presentada el
capacity-col-first-offer = Primera oferta
capacity-col-provider = Proveedor
capacity-col-funded = Financiada por el proveedor
capacity-col-steps = Acciones
capacity-request-number = Solicitud n.º 
capacity-own = su Estado
capacity-anonymous-requester = Un Estado participante (anónimo hasta que seleccione una oferta)
capacity-yes = Sí
capacity-no = No
capacity-due = plazo
capacity-clocks = Plazos de tramitación
capacity-offers = Ofertas
capacity-no-offers = Todavía no hay ofertas.
capacity-offer-title = Ofrecer ayuda
capacity-offer-description = Lo que ofrece: quién, qué y cuándo
capacity-offer-funded = Lo financiamos nosotros mismos
capacity-make-offer = Presentar la oferta
capacity-withdraw-offer = Retirar la oferta
capacity-follow-ups = Seguimientos
capacity-follow-up-not-yet = Aún no corresponde: el formulario se abre en la fecha prevista.
capacity-report-follow-up = Informar del resultado
capacity-file = Presentar la solicitud

capacity-field-areas = Ámbitos
capacity-field-description = Descripción
capacity-description-hint = Lo que necesita, para quién y con qué cuenta ya.
capacity-field-languages = Idiomas
capacity-field-format = Modalidad
capacity-field-needed-by = Necesaria para
capacity-field-funding-needed = Se necesita financiación
capacity-field-visibility = Quién ve la solicitud
capacity-visibility-hint = Proveedores designados: elíjalos en la lista que figura a continuación.
capacity-field-providers = Proveedores designados
capacity-field-outcome = Resultado
capacity-field-what-changed = Qué ha cambiado

capacity-area-strategy_policy = Estrategia y políticas
capacity-area-incident_response = Respuesta a incidentes y desarrollo de CSIRT
capacity-area-critical_infrastructure = Protección de infraestructuras críticas
capacity-area-cybercrime = Ciberdelincuencia y pruebas electrónicas
capacity-area-international_law = Derecho internacional y normas
capacity-area-technical_training = Formación técnica
capacity-area-awareness = Sensibilización
capacity-area-standards = Normas técnicas

capacity-format-training = Formación
capacity-format-advisory_mission = Misión de asesoramiento
capacity-format-equipment = Equipo
capacity-format-peer_review = Examen entre pares

capacity-visibility-all_providers = Todos los proveedores
capacity-visibility-named_providers = Solo los proveedores designados
capacity-visibility-anonymous = Todos los proveedores, sin el nombre de nuestro Estado hasta que seleccionemos una oferta

capacity-status-filed = Presentada
capacity-status-acknowledged = Con acuse de recibo
capacity-status-selected = Oferta seleccionada
capacity-status-matched = Vinculación confirmada
capacity-status-closed = Cerrada
capacity-status-withdrawn = Retirada

capacity-offer-status-open = Abierta
capacity-offer-status-selected = Seleccionada
capacity-offer-status-not_selected = No seleccionada
capacity-offer-status-withdrawn = Retirada

capacity-outcome-delivered = Prestada
capacity-outcome-partly = Prestada parcialmente
capacity-outcome-not_delivered = No prestada

capacity-milestone-six_months = Seguimiento a los 6 meses
capacity-milestone-twelve_months = Seguimiento a los 12 meses

capacity-step-acknowledge = Acusar recibo de la solicitud
capacity-step-select = Seleccionar esta oferta
capacity-step-confirm = Confirmar la vinculación
capacity-step-withdraw = Retirar la solicitud

capacity-clock-acknowledgement = Acuse de recibo de la secretaría
capacity-clock-running = En curso
capacity-clock-overdue = Vencido
capacity-clock-met = Cumplido
capacity-clock-late = Cumplido con retraso

capacity-error-required = Este campo es obligatorio.
capacity-error-too-long = Es demasiado largo (4000 caracteres como máximo).
capacity-error-control-characters = Contiene caracteres de control.
capacity-error-area = Elija al menos un ámbito de la lista.
capacity-error-language = Elija al menos uno de los seis idiomas de la ONU.
capacity-error-format = Elija una modalidad de la lista.
capacity-error-date = Indique la fecha en el formato YYYY-MM-DD.
capacity-error-date-past = La fecha debe ser futura.
capacity-error-date-far = La fecha debe estar dentro de los próximos cinco años.
capacity-error-visibility = Elija quién ve la solicitud.
capacity-error-providers = Designe al menos un proveedor participante distinto de su propio Estado.

capacity-refused-not-participating = Solo las cuentas de un Estado participante pueden hacerlo.
capacity-refused-closed = La solicitud ya no lo permite: está cerrada, retirada o ha pasado a otra etapa.
capacity-refused-acknowledged = Ya se ha acusado recibo de la solicitud.
capacity-refused-selected = Ya se ha seleccionado una oferta para esta solicitud.
capacity-refused-not-selected = Todavía no se ha seleccionado y confirmado ninguna oferta.
capacity-refused-offer = Esa oferta no está abierta para esta solicitud.
capacity-refused-own = Su Estado no puede presentar una oferta para su propia solicitud.
capacity-refused-offered = Su Estado ya tiene una oferta abierta para esta solicitud.
capacity-refused-not-due = Todavía no corresponde este seguimiento.
capacity-refused-reported = Ya se ha informado de este seguimiento.

done-capacity-filed = La solicitud se ha presentado. La secretaría acusará recibo en un plazo de 5 días hábiles.
done-capacity-offered = Su oferta se ha presentado. El Estado solicitante comparará las ofertas.
done-capacity-offer-withdrawn = Su oferta se ha retirado.
done-capacity-selected = La oferta se ha seleccionado. La secretaría confirmará la vinculación.
done-capacity-withdrawn = La solicitud se ha retirado.
done-capacity-acknowledged = Se ha acusado recibo de la solicitud.
done-capacity-confirmed = La vinculación se ha confirmado. Los seguimientos vencen a los 6 y a los 12 meses de la selección.
done-capacity-followed-up = Se ha informado del seguimiento.

values-log-capacity-request = { $actor } presentó la { $object }.
values-log-capacity-acknowledge = { $actor } acusó recibo de la { $object }.
values-log-capacity-offer = { $actor } ofreció ayuda para la { $object }.
values-log-capacity-withdraw-offer = { $actor } retiró una oferta para la { $object }.
values-log-capacity-select = { $actor } seleccionó una oferta para la { $object }.
values-log-capacity-confirm = { $actor } confirmó la vinculación de la { $object }.
values-log-capacity-withdraw = { $actor } retiró la { $object }.
values-log-capacity-follow-up = { $actor } informó de un seguimiento de la { $object }.

# Financiación: promesas de contribución, compromisos y desembolsos de los donantes.
capacity-funding-title = Financiación
capacity-funding-lead = Los donantes prometen, comprometen y desembolsan fondos para solicitudes o para un ámbito de la creación de capacidad. Cada importe se mantiene en su moneda; los totales se calculan por moneda.
capacity-no-funding = No se ha registrado ninguna financiación.
capacity-col-donor = Donante
capacity-col-funds = Destino de los fondos
capacity-col-stage = Etapa
capacity-col-amount = Importe
capacity-col-when = Fecha
capacity-col-currency = Moneda
capacity-funding-totals = Totales por moneda
capacity-funding-pledge = Prometido
capacity-funding-commitment = Comprometido
capacity-funding-disbursement = Desembolsado
capacity-currency-hint = Código ISO 4217, p. ej. EUR, USD, JPY.
capacity-amount-hint = Un número positivo con, como máximo, los decimales de la moneda, p. ej. 25000.50.
capacity-fund-area = Prometer fondos para un ámbito
capacity-fund = Registrar la financiación
capacity-error-stage = Elija prometido, comprometido o desembolsado.
capacity-error-currency = Indique un código de moneda ISO 4217, como EUR o USD.
capacity-error-amount = Indique un importe positivo que no tenga más decimales que la moneda.
capacity-refused-own-funding = Su Estado no puede financiar su propia solicitud.
done-capacity-funded = La financiación se ha registrado.
values-log-capacity-fund = { $actor } registró financiación para la { $object }.
values-log-capacity-assess = { $actor } realizó la autoevaluación de preparación de su Estado.
capacity-help-requests = Solicitudes de ayuda y ofertas
capacity-help-requests-text = La autoridad de nominación o un punto de contacto diplomático de un Estado participante presenta una solicitud: los ámbitos, lo que se necesita, los idiomas preferidos, la modalidad, para cuándo se necesita, si se necesita financiación y quién puede verla (todos los proveedores, los proveedores designados o todos los proveedores sin el nombre del Estado). La secretaría acusa recibo en un plazo de 5 días hábiles. Los proveedores presentan ofertas; el Estado solicitante compara las ofertas y selecciona una, y la secretaría confirma la vinculación. A los seis y a los doce meses de la selección, el Estado solicitante informa del resultado. Cada plazo se muestra en la solicitud: en curso, vencido, cumplido o cumplido con retraso.
capacity-help-funding = Financiación
capacity-help-funding-text = La autoridad de nominación o un punto de contacto diplomático de un Estado promete, compromete y desembolsa fondos para una solicitud que ese Estado puede ver o para todo un ámbito, en la moneda que elija; los totales se calculan por moneda y nunca se convierten. El Estado solicitante ve quién financia su solicitud.
capacity-help-readiness = Preparación y plan de acción
capacity-help-readiness-text = Un Estado responde a seis preguntas (un CSIRT nacional, la posibilidad de localización a cualquier hora, canales seguros y claves OpenPGP, puntos de contacto de ambos tipos, la respuesta a las pruebas de contacto y el personal formado) y obtiene un plan de acción. Cada carencia se convierte en una solicitud preparada en un solo paso. La secretaría ve los totales por región, y las respuestas de un Estado solo cuando ese Estado las comparte.

# Autoevaluación de preparación y plan de acción (creación de capacidad).

readiness-title = Preparación y plan de acción
readiness-lead = Evalúe el grado de preparación de su Estado para participar en el directorio. Cada carencia se convierte en un paso de su plan de acción, que puede transformar en una solicitud de ayuda con un solo clic. Sus respuestas pertenecen a su Estado: la secretaría solo las ve si usted las comparte; de lo contrario, solo las ve en los totales regionales.
readiness-secretariat-lead = { $count ->
    [one] Preparación por región, según la autoevaluación más reciente de cada Estado. Los totales de una región se muestran en cuanto ha respondido al menos un Estado.
   *[other] Preparación por región, según la autoevaluación más reciente de cada Estado. Los totales de una región solo se muestran cuando han respondido { $count } de sus Estados, de modo que no puedan deducirse de ellos las respuestas de ningún Estado.
}
readiness-by-region = Por región
readiness-none-yet = Ningún Estado ha realizado aún la autoevaluación.
readiness-states-answered = { $count ->
    [one] Ha respondido un Estado.
   *[other] Han respondido { $count } Estados.
}
readiness-withheld = Son muy pocos los Estados de esta región que han respondido como para mostrar sus totales.
readiness-shared-title = Estados que comparten sus respuestas
readiness-shared-none = Ningún Estado comparte sus respuestas.
readiness-last = Última autoevaluación:
readiness-is-shared = compartida con la secretaría
readiness-plan = Plan de acción
readiness-ask = Solicitar ayuda
readiness-no-gaps = No hay carencias: su Estado cumple los seis puntos.
readiness-form-title = Autoevaluación
readiness-share = Compartir estas respuestas con la secretaría
readiness-save = Guardar la autoevaluación
readiness-request-origin = según nuestro plan de acción de preparación
done-readiness-assessed = La autoevaluación se ha guardado y el plan de acción se ha actualizado.

readiness-point-national_csirt = Un CSIRT o CERT nacional con mandato
readiness-point-reachable_any_hour = Un punto de contacto localizable a cualquier hora
readiness-point-secure_channels = Canales seguros: claves OpenPGP publicadas y vigentes
readiness-point-both_pocs = Un PoC diplomático y un PoC técnico designados
readiness-point-ping_tests = Respuesta a tiempo a las pruebas de contacto
readiness-point-staff_trained = Personal formado en los módulos de aprendizaje electrónico
readiness-answer-yes = Sí
readiness-answer-partly = Parcialmente
readiness-answer-no = No

readiness-action-national_csirt = Establecer un CSIRT nacional con un mandato claro, personal y procedimientos.
readiness-action-reachable_any_hour = Organizar un servicio de guardia 24/7 para el punto de contacto técnico.
readiness-action-secure_channels = Generar claves OpenPGP para los puntos de contacto y publicarlas en el directorio.
readiness-action-both_pocs = Elegir tanto un punto de contacto diplomático como uno técnico, y designarlos.
readiness-action-ping_tests = Formar a los puntos de contacto para que respondan a las pruebas de contacto y mantener al día sus fichas.
readiness-action-staff_trained = Lograr que el personal curse los módulos de aprendizaje electrónico y obtenga sus certificados.

readiness-problem-answers = Responda a cada punto con sí, parcialmente o no.
readiness-refused-no-gap = Este punto no constituye una carencia en la autoevaluación más reciente de su Estado.

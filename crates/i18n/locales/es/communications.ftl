# Comunicaciones entre PoC: los términos de la plantilla, TLP, estados,
# errores y correos. (Las palabras de las páginas están en
# communications-pages.ftl.)

comm-kind-incident_notification = Notificación de un incidente de TIC
comm-kind-information_request = Solicitud de información
comm-kind-assistance_request = Solicitud de asistencia
comm-kind-response = Respuesta
comm-kind-general = Comunicación general

comm-urgency-routine = Ordinaria
comm-urgency-priority = Prioritaria
comm-urgency-urgent = Urgente

comm-sector-energy = Energía
comm-sector-health = Salud
comm-sector-water = Agua
comm-sector-transport = Transporte
comm-sector-finance = Finanzas
comm-sector-telecommunications = Telecomunicaciones
comm-sector-government = Administración pública
comm-sector-other = Otro

comm-status-delivered = Entregada
comm-status-read = Leída
comm-status-acknowledged = Acuse de recibo
comm-status-answered = Respondida

comm-roles-diplomatic = PoC diplomáticos
comm-roles-technical = PoC técnicos
comm-roles-both = PoC diplomáticos y técnicos

comm-folder-inbox = Bandeja de entrada
comm-folder-sent = Enviadas
comm-folder-state = Comunicaciones de mi Estado
comm-folder-all = Todas las comunicaciones

tlp-meaning-clear = La divulgación no está limitada.
tlp-meaning-green = Limitada a los PoC de los Estados que participan en el directorio. No debe publicarse.
tlp-meaning-amber = Limitada a los PoC de los Estados concernidos. Fuera de pocdir, compártala solo con quienes su Estado atiende, según la necesidad de conocerla.
tlp-meaning-amber-strict = Limitada a los PoC de los Estados concernidos, y solo dentro de su propia organización.
tlp-meaning-red = Solo para los destinatarios nombrados. No debe reenviarse, exportarse ni compartirse.

tlp-refused-not-a-reader = No puede ver el contenido de esta comunicación.
tlp-refused-red-forward = La información TLP:RED nunca se reenvía.
tlp-refused-red-export = La información TLP:RED nunca se exporta.
tlp-refused-red-named = TLP:RED requiere destinatarios nombrados: elija personas, no Estados enteros.
tlp-refused-loosens = Un reenvío puede mantener o endurecer la etiqueta TLP, nunca relajarla.
tlp-refused-own-state = Esta etiqueta solo permite compartir con los PoC de su propio Estado.
tlp-refused-community = Esta etiqueta solo permite compartir con PoC de Estados que participan en el directorio.
tlp-refused-taxii = Solo la información TLP:CLEAR y TLP:GREEN se comparte por TAXII.

comm-error-kind = Elija el tipo de comunicación.
comm-error-urgency = Elija la urgencia.
comm-error-tlp-missing = Elija una etiqueta TLP: toda comunicación necesita una.
comm-error-tlp-unknown = No es una etiqueta TLP 2.0 (CLEAR, GREEN, AMBER, AMBER+STRICT o RED).
comm-error-required = Este campo es obligatorio.
comm-error-too-long = Es demasiado largo.
comm-error-control-characters = Contiene caracteres que no pueden mostrarse.
comm-error-language = Indique el idioma del texto con una etiqueta de idioma, p. ej. en, fr o ar.
comm-error-zone = Elija un huso horario, p. ej. Europe/Paris.
comm-error-time = Indique una fecha y hora que existan en ese huso horario.
comm-error-detected-before-started = El incidente no puede haberse detectado antes de comenzar.
comm-error-sector = Elija los sectores de la lista.
comm-error-attachments-too-many = Se pueden adjuntar como máximo 5 archivos.
comm-error-attachments-too-large = Los archivos juntos superan los 10 MB.
comm-error-attachment-too-large = Un archivo supera los 5 MB.
comm-error-attachment-empty = Un archivo está vacío.
comm-error-attachment-name = Un archivo tiene un nombre que no se puede usar.
comm-error-attachment-type = Un archivo no es de un tipo aceptado (PDF, PNG, JPEG o texto sin formato).
comm-error-attachment-mismatch = El contenido de un archivo no coincide con la extensión de su nombre.
comm-error-already-acknowledged = Ya acusó recibo de esta comunicación.
comm-error-not-a-recipient = Solo un destinatario puede acusar recibo de una comunicación.
comm-error-may-not-send = Solo los PoC de un Estado que participa en el directorio pueden enviar comunicaciones.
comm-error-nobody = Elija al menos un destinatario.
comm-error-unknown-recipient = Un destinatario no es un PoC que pueda recibir comunicaciones.
comm-error-not-participating = Un Estado elegido no participa en el directorio.
comm-error-no-poc = Un Estado elegido aún no tiene ningún PoC de esa función que pueda recibir comunicaciones.

comm-field-subject = Asunto
comm-field-started = Inicio
comm-field-detected = Detección
comm-field-sectors = Sectores afectados
comm-field-impact = Impacto observado
comm-field-requested-action = Acción solicitada
comm-field-respond-by = Respuesta solicitada antes del
comm-field-attribution-why = Este formulario no tiene un campo de atribución: el directorio es un canal de comunicación entre Estados, no una herramienta para determinar la atribución.

comm-mail-text-in = Texto tal como se escribió (idioma: { $language }):
comm-mail-subject-clear = [{ $tlp }] { $urgency }: { $kind } de { $state }: { $subject }
comm-mail-subject-sealed = [{ $tlp }] { $urgency }: { $kind } de { $state } (n.º { $id })
comm-mail-intro = { $state } le envió una comunicación por pocdir: { $kind }, { $urgency }, etiqueta { $tlp }. Acuse recibo antes del { $deadline }.
comm-mail-open = Lea, acuse recibo y responda en pocdir: { $link }
comm-mail-link-only = Su etiqueta no permite enviar el contenido por correo electrónico. Lea, acuse recibo y responda en pocdir: { $link }
comm-mail-signature = pocdir, el Directorio de Puntos de Contacto. Este mensaje se envió automáticamente; responda en pocdir, no a este correo.
comm-mail-escalation-subject = [{ $tlp }] Sin acuse de recibo: { $kind } de { $state } (n.º { $id })
comm-mail-escalation-body = { $state } envió una comunicación a los PoC de su Estado ({ $kind }, { $urgency }, etiqueta { $tlp }). Ningún PoC técnico de su Estado acusó recibo antes del { $deadline }. Asegúrese de que se atienda: { $link }

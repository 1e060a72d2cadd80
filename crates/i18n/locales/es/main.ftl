# Spanish — pocdir interface messages

app-name = pocdir — Directorio de Puntos de Contacto
footer-text = Directorio de puntos de contacto para las medidas de fomento de la confianza entre los Estados. La participación es voluntaria; la información que los Estados comparten aquí es confidencial.

nav-skip = Ir al contenido
nav-languages = Idiomas
nav-account = Su cuenta
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión

home-title = Directorio de Puntos de Contacto
home-lead = Los Estados designan puntos de contacto diplomáticos y técnicos para poder comunicarse entre sí de forma rápida y segura cuando un incidente relacionado con las TIC amenace la paz y la seguridad internacionales.
home-point-voluntary = La participación es voluntaria y gradual: un Estado puede comenzar con un solo punto de contacto.
home-point-reciprocity = Solo los puntos de contacto de los Estados participantes tienen acceso al directorio; el público puede ver qué Estados participan, pero ningún dato personal.
home-point-no-attribution = El directorio es un canal de comunicación, no un instrumento para la atribución de incidentes.

login-title = Iniciar sesión
login-email = Dirección de correo electrónico
login-password = Contraseña
login-submit = Continuar
login-help = Después de introducir la contraseña, se le pedirá un código de su aplicación de autenticación.
login-wrong = La dirección de correo electrónico o la contraseña son incorrectas.
login-locked = { $minutes ->
    [one] Demasiados intentos fallidos. El inicio de sesión se ha suspendido temporalmente; vuelva a intentarlo dentro de { $minutes } minuto.
   *[other] Demasiados intentos fallidos. El inicio de sesión se ha suspendido temporalmente; vuelva a intentarlo dentro de { $minutes } minutos.
}
login-disabled = Esta cuenta está desactivada. Póngase en contacto con la Secretaría.
login-session-ended = Su sesión ha finalizado. Vuelva a iniciar sesión.

mfa-title = Segundo factor de autenticación
mfa-code = Código de seis dígitos de su aplicación de autenticación
mfa-submit = Verificar
mfa-use-recovery = ¿Ha perdido su dispositivo? Utilice un código de recuperación
mfa-recovery-code = Código de recuperación
mfa-wrong = Ese código no es válido. Compruebe la hora de su dispositivo e introduzca el código actual.
mfa-replayed = Ese código ya se ha utilizado. Espere al siguiente código y vuelva a intentarlo.
mfa-wrong-recovery = Ese código de recuperación no es válido o ya se ha utilizado.

enrol-title = Configure su segundo factor de autenticación
enrol-intro = Todas las cuentas están protegidas por una contraseña y, además, por un código de un solo uso. Configúrelo una sola vez con una aplicación de autenticación (por ejemplo, FreeOTP, Aegis o Google Authenticator).
enrol-step-scan = Escanee este código con su aplicación de autenticación:
enrol-qr-label = Código QR con la clave secreta de su aplicación de autenticación
enrol-step-type = O introduzca esta clave secreta en la aplicación:
enrol-step-confirm = Para confirmar, introduzca el código que muestra ahora la aplicación:
enrol-submit = Confirmar y continuar

recovery-title = Sus códigos de recuperación
recovery-intro = Guarde estos códigos en un lugar seguro, separado de su dispositivo. Cada uno de ellos le permite iniciar sesión una vez si pierde su aplicación de autenticación. Solo se muestran ahora.
recovery-continue = Continuar

account-title = Su cuenta
account-email = Dirección de correo electrónico
account-kind = Tipo de cuenta
account-participant = Actúa en nombre de
account-password-heading = Cambiar la contraseña
account-password-current = Contraseña actual
account-password-new = Nueva contraseña (12 caracteres como mínimo)
account-password-confirm = Repita la nueva contraseña
account-password-submit = Cambiar la contraseña
account-password-changed = Se ha cambiado su contraseña. Se han cerrado sus demás sesiones.
account-password-current-wrong = La contraseña actual es incorrecta.
account-password-mismatch = Las dos nuevas contraseñas no coinciden.
account-password-too-short = La nueva contraseña debe tener al menos 12 caracteres.
account-password-too-long = La nueva contraseña debe tener como máximo 256 caracteres.
account-recovery-heading = Códigos de recuperación
account-recovery-left = { $count ->
    [one] Le queda { $count } código de recuperación sin utilizar.
   *[other] Le quedan { $count } códigos de recuperación sin utilizar.
}
account-recovery-submit = Generar nuevos códigos de recuperación (los anteriores dejarán de funcionar)
account-sessions-heading = Sesiones iniciadas
account-session-started = Inicio
account-session-seen = Última actividad
account-session-browser = Navegador
account-session-address = Dirección
account-session-end = Cerrar
account-session-end-this = Cerrar (este navegador)
account-session-revoked = Se ha cerrado la sesión.
account-tokens-heading = Tokens de API
account-tokens-intro = Los tokens permiten que los scripts utilicen la API en su nombre. Cada token se muestra una sola vez, en el momento de su creación.
account-token-name = Nombre
account-token-scope = Alcance
account-token-scope-read = Solo lectura
account-token-scope-write = Lectura y escritura
account-token-days = Validez (en días)
account-token-expires = Vencimiento
account-token-last-used = Último uso
account-token-create = Crear token
account-token-revoke = Revocar
account-token-inactive = Revocado o vencido
account-token-revoked = Se ha revocado el token.
account-token-name-invalid = Asigne al token un nombre de entre 1 y 100 caracteres.
account-token-days-invalid = La validez debe ser un número entero de días entre 1 y { $max }.
account-token-scope-invalid = El alcance debe ser "read" o "write".
token-created-title = Nuevo token de API
token-created-intro = Copie este token ahora: no volverá a mostrarse. Envíelo como "Authorization: Bearer" seguido del token.

kind-secretariat = Secretaría
kind-nominator = Autoridad de designación
kind-diplomatic_poc = Punto de contacto diplomático
kind-technical_poc = Punto de contacto técnico
kind-reporter = Informante privado
kind-auditor = Auditor

error-status = Estado
error-home = Volver a la página de inicio
error-title-bad-request = No se ha podido interpretar la solicitud
error-title-unauthorized = Inicie sesión
error-title-forbidden = Acción no permitida
error-title-not-found = Página no encontrada
error-title-method-not-allowed = Acción no permitida en esta dirección
error-title-conflict = Conflicto
error-title-too-many = Demasiados intentos
error-title-internal = Se ha producido un error
error-not-found = No hay nada en esta dirección.
error-method-not-allowed = Esta dirección no acepta este tipo de solicitud.
error-unauthorized = Debe iniciar sesión (o enviar un token de API válido) para realizar esta acción.
error-forbidden = Su cuenta no está autorizada para realizar esta acción.
error-csrf = El formulario ha caducado o no procede de este sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-bad-request = La solicitud no es válida.
error-duplicate = Ya existe: el valor ya está en uso.
error-not-allowed-now = No es posible ahora: el estado del registro no lo permite. Vuelva a cargar la página para ver qué ha cambiado.
error-bad-form = El formulario está incompleto o no es válido.
error-malformed-json = El cuerpo de la solicitud no es un JSON válido con la estructura esperada.
error-unsupported-media-type = El cuerpo de la solicitud es de un tipo que esta dirección no acepta.
error-payload-too-large = El cuerpo de la solicitud es demasiado grande.
error-internal = Se ha producido un error interno. El error ha quedado registrado; vuelva a intentarlo más tarde.
error-unavailable = El servidor está ocupado y no ha podido guardar este cambio; no se ha guardado nada. Vuelva a intentarlo dentro de un momento.
error-bad-query = Los parámetros de consulta de esta dirección faltan o no son válidos.
error-bad-path = Esta dirección no es válida: una de sus partes no es lo que se esperaba (por ejemplo, un número).

log-error-size-beyond = El tamaño de árbol { $size } es mayor que el del registro, que tiene { $log_size } entradas.
log-error-index-out-of-range = La entrada { $index } no figura en un árbol de tamaño { $size }: los índices empiezan en 0 y son siempre inferiores al tamaño.
log-error-first-after-second = El primer tamaño ({ $first }) no debe ser mayor que el segundo ({ $second }).
log-error-empty-first = Una prueba de coherencia parte de un árbol con al menos una entrada.
log-error-range-reversed = El final del intervalo no debe ser anterior a su inicio.
log-error-range-too-long = Solicite como máximo { $max } entradas cada vez.

nav-audit = Registro de auditoría
nav-own-state-log = Registro de mi Estado
audit-title = Registro de auditoría
audit-own-title = Registro de las operaciones relativas a
audit-intro = { $count ->
    [one] El registro contiene { $count } entrada. Todo cambio, así como toda consulta de los datos de contacto, se consigna aquí por orden y no puede reescribirse sin que se detecte.
   *[other] El registro contiene { $count } entradas. Todo cambio, así como toda consulta de los datos de contacto, se consigna aquí por orden y no puede reescribirse sin que se detecte.
}
audit-filter-actor = Autor (número de cuenta)
audit-filter-action = Acción
audit-filter-participant = Estado (alpha-3)
audit-filter-from = Desde
audit-filter-to = Hasta
audit-filter-submit = Filtrar
audit-empty = Ninguna entrada coincide con los criterios.
audit-col-time = Fecha y hora (UTC)
audit-col-actor = Autor
audit-col-action = Acción
audit-col-object = Objeto
audit-col-participant = Estado concernido
audit-col-content-hash = Hash del contenido
audit-older = Entradas anteriores
audit-verify-hint = Cualquier persona puede verificar este registro: obtenga la cabecera de árbol firmada y las pruebas en /api/v1/log, o ejecute "pocdir log monitor". Los operadores ejecutan "pocdir log verify".
audit-proof-jump = Compruebe estas entradas usted mismo, sin confiar en el operador.
audit-proof-heading = Compruébelo usted mismo, sin confiar en el operador
audit-proof-intro = Su Estado puede verificar las entradas de esta página con su propio ordenador y solo la clave pública del registro. El comando "pocdir state-proof" comprueba:
audit-proof-check-included = que cada entrada sobre su Estado está en el registro firmado y que ninguna se ha modificado ni eliminado desde su última comprobación;
audit-proof-check-history = que al registro solo se le han añadido entradas desde la cabecera que vio su última comprobación;
audit-proof-check-details = que los datos de sus puntos de contacto, tal como los sirve el directorio y tal como los guarda su propio registro, son los que su Estado propuso en el registro;
audit-proof-check-readers = quién leyó los datos de sus puntos de contacto, y cuándo.
audit-proof-head = { $count ->
    [one] El registro firmado contiene ahora { $count } entrada; su raíz empieza por
   *[other] El registro firmado contiene ahora { $count } entradas; su raíz empieza por
}
audit-proof-key = firmado con la clave
audit-proof-run = Ejecute esto con regularidad en un ordenador de su Estado: cada ejecución comprueba también que el registro solo ha crecido desde la anterior (termina con 0 si todo se cumple, con 1 indicando la primera discrepancia):
audit-proof-token = El comando necesita un token de API de una de las cuentas de su Estado, indicado en POCDIR_TOKEN.
audit-proof-token-link = Crear un token de API
audit-error-actor = El autor debe indicarse mediante un número de cuenta.
audit-error-date = Las fechas deben escribirse en el formato YYYY-MM-DD.

nav-participants = Participantes
participants-title = Estados y organizaciones participantes
participants-count = { $count ->
    [one] { $count } participante forma parte del directorio.
   *[other] { $count } participantes forman parte del directorio.
}
participants-eligible = { $count ->
    [one] { $count } Estado u organización puede incorporarse al directorio.
   *[other] { $count } Estados y organizaciones pueden incorporarse al directorio.
}
participants-none = Todavía no participa ningún Estado.
participants-col-name = Nombre
participants-col-code = Código
participants-col-region = Región
participants-join-heading = Cómo incorporarse
participants-join-text = La participación es voluntaria y puede comenzar a pequeña escala: un Estado se incorpora cuando su autoridad de designación (por lo general, su misión permanente) propone un punto de contacto diplomático o técnico. Una vez que la Secretaría ha verificado ese primer punto de contacto, el Estado pasa a participar y tiene acceso al directorio de los demás Estados participantes.
participants-public-heading = Qué información es pública y cuál no
participants-public-yes = Información pública: qué Estados y organizaciones participan y cuántos puntos de contacto diplomáticos y técnicos tiene cada uno.
participants-public-no = Información no pública: los nombres, las direcciones de correo electrónico, los números de teléfono y cualquier otro dato de los puntos de contacto, así como todo lo que se intercambia a través del directorio. Solo los puntos de contacto de los Estados participantes pueden verse entre sí (reciprocidad).
participants-public-reads = Cada vez que alguien consulta los datos de contacto de los puntos de contacto de un Estado, la consulta queda consignada en el registro de auditoría, que no puede modificarse sin que se detecte, y ese Estado puede verla.
participant-error-code = Un código de participante consta de 2 a 10 letras mayúsculas o dígitos (para un Estado, su código ISO 3166-1 alpha-3; por ejemplo, PAK).
participant-error-names = Indique el nombre en los seis idiomas oficiales de las Naciones Unidas (árabe, chino, inglés, francés, ruso, español), con un máximo de 200 caracteres en cada uno.
participant-error-code-taken = Este código ya lo utiliza otro participante.

poc-duties-diplomatic = Representa al Estado en las comunicaciones bilaterales y multilaterales relativas a incidentes relacionados con las TIC, y facilita el diálogo entre los Estados.
poc-duties-technical = Evalúa técnicamente la información intercambiada a través del directorio, y comparte y recibe datos sobre ciberamenazas.
error-invalid-fields = Algunos campos no son válidos; en cada uno de ellos se indica cuál es el error.
poc-error-role = La función debe ser "diplomatic" o "technical".
poc-error-required = Este campo es obligatorio.
poc-error-too-long = Este campo es demasiado largo.
poc-error-semicolon = Un canal seguro no puede contener «;», que separa los canales en los archivos exportados: ponga cada canal en su propia línea.
poc-error-control-characters = Este campo contiene caracteres que no pueden mostrarse.
poc-error-email-required = Indique al menos una dirección de correo electrónico.
poc-error-too-many = Esta lista contiene demasiados elementos.
poc-error-email = Esto no es una dirección de correo electrónico.
poc-error-phone = Escriba los números de teléfono en el formato internacional E.164; por ejemplo, +44 20 7946 0000.
poc-error-phone-use = El uso de un número debe ser "office", "mobile" o "24x7".
poc-error-language-required = Indique al menos un idioma de trabajo.
poc-error-language = Esto no es una etiqueta de idioma (BCP 47; por ejemplo, "en", "fr-CA", "zh-Hans").
poc-error-time-zone = Esto no es una zona horaria de la base de datos de la IANA (por ejemplo, "Asia/Karachi", "Europe/Paris").
poc-error-hours = Escriba el horario en forma de días y horas; por ejemplo, "Mon-Fri 09:00-17:00" o "Sun-Thu 08:00-16:00", o bien "24/7".
poc-error-reason-required = Todo rechazo debe ir acompañado de un motivo, que verá la autoridad de designación.
poc-error-stale = Este punto de contacto ha cambiado desde que lo consultó (ahora está en la versión { $version }). Vuelva a cargarlo y tome la decisión de nuevo.
poc-error-nothing-pending = No hay nada relativo a este punto de contacto que esté pendiente de decisión.
poc-error-not-your-state = Su cuenta no puede realizar esta acción respecto de ese Estado. El intento ha quedado registrado.
poc-error-role-fixed = La función de un punto de contacto no puede cambiarse; retírelo y designe uno nuevo.
poc-error-not-allowed-now = Este punto de contacto no puede modificarse en su estado actual (es posible que se haya retirado o rechazado, o que su retiro esté pendiente de decisión).

participant-status = Situación
participant-status-not_participating = No participa
participant-status-participating = Participa
participant-status-suspended = Suspendido
participant-status-withdrawn = Retirado
participant-pocs-heading = Puntos de contacto
participant-pocs-none = Todavía no hay ningún punto de contacto verificado.
participant-pocs-hidden = Los puntos de contacto solo pueden verlos los puntos de contacto de los Estados participantes, la autoridad de designación del propio Estado y la Secretaría.
poc-pending = Pendiente de verificación por la Secretaría.
poc-field-title = Cargo
poc-field-organisation = Organización
poc-field-emails = Correo electrónico
poc-field-phones = Teléfono
poc-field-languages = Idiomas de trabajo
poc-field-time-zone = Zona horaria
poc-field-hours = Horario
poc-within-hours = actualmente dentro del horario de trabajo
poc-outside-hours = actualmente fuera del horario de trabajo
audit-proof-help = Probar usted mismo las entradas de su Estado
audit-proof-help-text = La página del registro de auditoría (en el menú) termina con una orden que su Estado ejecuta en su propio ordenador: «pocdir state-proof» obtiene cada entrada del registro sobre su Estado, comprueba cada una frente al registro firmado y que el registro solo se amplió desde su última ejecución, compara sus entradas con su propio registro de lo que nominó y enumera quién leyó los datos de sus puntos de contacto y cuándo. Necesita un token de API (su página de cuenta) y solo la clave pública del registro; no confía en el servidor ni en quien lo opera.

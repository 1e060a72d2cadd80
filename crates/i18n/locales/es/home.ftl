# La página de inicio de cada tipo de cuenta y la página pública con el mapa.

home-help = Ayuda para su función
home-help-all = Ayuda, y cómo se incorpora un Estado
home-tasks-heading = Lo que puede hacer
home-col-when = Cuándo
home-col-who = Quién
home-col-what = Sobre qué
home-col-action = Acción
home-col-status = Estado

home-secretariat-title = Secretaría
home-secretariat-lead = Lo que le espera: nominaciones por verificar, fichas con la fecha de revalidación vencida, correo que no ha salido y solicitudes denegadas.
home-queue-count = { $count ->
    [one] nominación o cambio espera verificación
   *[other] nominaciones o cambios esperan verificación
}
home-overdue-count = { $count ->
    [one] ficha ha pasado su fecha de revalidación
   *[other] fichas han pasado su fecha de revalidación
}
home-mail-queued = { $count ->
    [one] correo pendiente de envío
   *[other] correos pendientes de envío
}
home-mail-failed = { $count ->
    [one] { $count } correo abandonado
   *[other] { $count } correos abandonados
}
home-overdue-heading = Los más atrasados
home-refusals-heading = Solicitudes denegadas recientemente
home-refusals-none = No se ha denegado ninguna solicitud recientemente.
home-refusals-all = Todas las solicitudes denegadas en el registro

home-nominator-title = Autoridad de nominación
home-nominator-lead = Los puntos de contacto de su Estado, sus fechas de revalidación y las nominaciones que esperan a la secretaría.
home-pending-count = { $count ->
    [one] solicitud espera a la secretaría
   *[other] solicitudes esperan a la secretaría
}
home-state-pocs-heading = Los puntos de contacto de su Estado

home-poc-lead = Encuentre el punto de contacto que necesita y compruebe que su propia ficha está al día.
home-own-entry-heading = Su ficha en el directorio
home-own-entry-none = Ninguna ficha activa de su Estado incluye su dirección de correo electrónico. Si debería tener una, consulte a la autoridad de nominación de su Estado.
home-own-entry-who-confirms = La autoridad de nominación de su Estado confirma o corrige esta ficha; avísele cuando algo cambie.

home-auditor-title = Auditor
home-auditor-lead = El registro inalterable de todo lo ocurrido y su último estado firmado.
home-log-head-heading = La última cabecera firmada del registro
home-log-size = Entradas
home-log-signed-at = Firmada el
home-log-root = Hash raíz
home-log-verify = Cualquiera puede comprobar, sin ningún secreto, que al registro solo se le han añadido entradas:
home-recent-heading = Actividad reciente
home-recent-all = Todo el registro, con filtros

home-reporter-title = Notificador privado
home-reporter-lead = Como notificador acreditado, notificará amenazas y vulnerabilidades a los puntos de contacto técnicos de los Estados que elija.
home-reporter-can-heading = Lo que puede hacer ya
home-reporter-can-public = Ver qué Estados participan:
home-reporter-can-account = Gestionar su contraseña, su segundo factor y sus tokens de API:
home-reporter-cannot-heading = Lo que no puede ver
home-reporter-cannot = Los notificadores nunca ven el directorio: ni los nombres ni los datos de contacto de ningún punto de contacto. Sus notificaciones les llegan sin revelar quiénes son.

public-map-title = Mapa del mundo con los Estados participantes resaltados
public-map-key = Estado participante
public-map-source = Datos del mapa: Natural Earth (dominio público), a través de world-atlas.
public-by-region = Estados participantes por región
public-organisations = Organizaciones
public-all-participants = Todos los participantes, en una tabla
public-join-more = Más sobre cómo se incorpora un Estado, y ayuda para cada función

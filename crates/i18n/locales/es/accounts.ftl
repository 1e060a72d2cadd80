# Cuentas gestionadas en el portal: invitaciones, enlace de alta, páginas de
# cuentas de la secretaría, contraseña olvidada, primera contraseña.

nav-accounts = Cuentas
nav-invitations = Invitaciones

accounts-title = Cuentas
accounts-intro = Todas las cuentas del portal. Abra una para desactivarla, volver a activarla o restablecer su segundo factor.
accounts-col-name = Nombre
accounts-col-email = Correo electrónico
accounts-col-kind = Tipo de cuenta
accounts-col-status = Estado de la cuenta
accounts-col-created = Creada el
accounts-status-active = Activa
accounts-status-enrolment-due = Segundo factor por configurar
accounts-status-password-due = Contraseña por elegir
accounts-status-disabled = Desactivada
accounts-reason = Motivo (se envía a la cuenta y se conserva en el registro)
accounts-reason-missing = Indique el motivo en pocas palabras: se envía a la cuenta y se conserva en el registro.
accounts-reason-too-long = El motivo es demasiado largo: no supere los 1000 caracteres.
accounts-disable-heading = Desactivar esta cuenta
accounts-disable-intro = Ya no podrá iniciar sesión; sus sesiones terminan y sus tokens de API dejan de funcionar de inmediato.
accounts-disable-button = Desactivar
accounts-enable-heading = Volver a activar esta cuenta
accounts-enable-intro = Podrá volver a iniciar sesión con su contraseña y su segundo factor. Sus antiguos tokens de API siguen revocados.
accounts-enable-button = Volver a activar
accounts-reset-heading = Restablecer el segundo factor
accounts-reset-intro = Para un teléfono o una aplicación perdidos: la aplicación y los códigos de recuperación dejan de funcionar, las sesiones terminan y la cuenta vuelve a configurar su segundo factor en su próximo inicio de sesión.
accounts-reset-button = Restablecer el segundo factor
accounts-not-yourself = Aquí no puede desactivar su propia cuenta ni restablecer su propio segundo factor: pídaselo a otro miembro de la secretaría.
accounts-already-so = No hay nada que hacer: la cuenta ya está en ese estado.

invitations-title = Invitaciones
invitations-intro = Invitaciones que aún no se han aceptado. Cada enlace funciona una sola vez y hasta que caduca.
invitations-new = Invitar a una persona
invitations-empty = No hay ninguna invitación pendiente.
invitations-col-sent = Enviada el
invitations-col-expires = Enlace válido hasta
invitations-revoke = Revocar
accounts-invitation-closed = Esta invitación ya fue aceptada, revocada o ha caducado.

invite-title = Invitar a una persona al portal
invite-intro = La persona recibe un correo con un enlace para elegir una contraseña y configurar su segundo factor. El enlace funciona una sola vez, durante siete días.
invite-participant-hint = (para un nominador o un punto de contacto)
invite-language = Idioma del correo
invite-submit = Enviar la invitación
accounts-invite-email-invalid = Escriba una dirección de correo como nombre@example.org.
accounts-invite-name-missing = Escriba el nombre de la persona (200 caracteres como máximo).
accounts-invite-kind-invalid = Elija un tipo de cuenta de la lista.
accounts-invite-participant-missing = Elija el Estado o la organización en cuyo nombre actúa esta cuenta.
accounts-invite-account-exists = Ya hay una cuenta con esta dirección de correo.
accounts-invite-pending-exists = Ya hay una invitación pendiente a esta dirección. Revóquela antes de enviar otra.

enrol-password-title = Bienvenido a pocdir
enrol-password-intro = Ha sido invitado al Directorio de puntos de contacto. Elija su contraseña para crear su cuenta.
enrol-password-submit = Elegir esta contraseña
enrol-password-next = A continuación configurará su segundo factor con una aplicación de autenticación.

link-title = Este enlace no se puede usar
link-unknown = Este enlace no se reconoce. Compruebe que lo copió entero desde el correo.
link-used = Este enlace ya se ha usado. Cada enlace funciona una sola vez.
link-revoked = Esta invitación fue retirada. Pida una nueva a quien le invitó.
link-expired = Este enlace ha caducado. Pida uno nuevo.
link-go-sign-in = Ir al inicio de sesión

forgot-link = ¿Ha olvidado su contraseña?
forgot-title = Contraseña olvidada
forgot-intro = Escriba la dirección de correo de su cuenta. Si corresponde a una cuenta, le enviamos un enlace para elegir una nueva contraseña. También necesitará su aplicación de autenticación o un código de recuperación.
forgot-submit = Enviar el enlace
forgot-sent = Si una cuenta tiene esta dirección, se le está enviando un enlace para elegir una nueva contraseña. Funciona una sola vez, durante una hora.

reset-title = Elegir una nueva contraseña
reset-intro = Nueva contraseña para
reset-recovery-instead = O, en lugar del código, uno de sus códigos de recuperación
reset-no-second-factor = Su cuenta aún no tiene segundo factor: lo configurará en su próximo inicio de sesión.
reset-submit = Guardar la nueva contraseña

first-password-title = Elija su propia contraseña
first-password-intro = Otra persona fijó su contraseña. Elija la suya antes de continuar: no se abrirá nada más hasta entonces.
first-password-submit = Elegir esta contraseña
first-password-same-as-before = Elija una contraseña distinta de la que se le dio.

poc-access-title = Acceso al portal
poc-access-linked = Este punto de contacto inicia sesión con la cuenta
poc-access-invited = Hay una invitación pendiente de aceptación, válida hasta la fecha indicada:
poc-access-none = Este punto de contacto aún no tiene cuenta en el portal.
poc-access-invite-heading = Enviar una invitación
poc-access-invite-intro = Una invitación a una de las direcciones verificadas de la ficha. Una vez aceptada, la nueva cuenta queda vinculada a esta ficha.
poc-access-link-heading = Vincular a una cuenta existente
poc-access-account = Cuenta de este Estado y de esta función
poc-access-link-submit = Vincular
accounts-link-choose = Elija de la lista una cuenta de este Estado y de esta función.
accounts-poc-invite-choose = Elija una de las direcciones de correo verificadas de la ficha.
accounts-poc-not-active = Solo un punto de contacto verificado y activo puede recibir acceso al portal.

done-invitation-sent = La invitación se ha enviado.
done-invitation-revoked = La invitación se ha revocado: su enlace ya no funciona.
done-account-disabled = La cuenta está desactivada y se le ha comunicado el motivo.
done-account-enabled = La cuenta vuelve a estar activa y se le ha comunicado el motivo.
done-second-factor-reset = El segundo factor se ha restablecido; la cuenta lo configurará de nuevo en su próximo inicio de sesión.
done-password-chosen = Su contraseña se ha cambiado.
done-password-reset = Su contraseña se ha cambiado. Inicie sesión con ella.
done-poc-linked = El punto de contacto está vinculado a la cuenta.

accounts-mail-signature = pocdir, el Directorio de puntos de contacto
accounts-mail-invitation-subject = Su invitación al Directorio de puntos de contacto
accounts-mail-invitation-body =
    Hola:

    { $inviter } le invita al Directorio de puntos de contacto como { $state ->
        [none] { $kind }
       *[other] { $kind } de { $state }
    }.

    Abra este enlace para elegir su contraseña y configurar su segundo factor (una aplicación de autenticación):
    { $link }

    El enlace funciona una sola vez, hasta el { $expires }. Si no esperaba esta invitación, ignore este correo.
accounts-mail-reset-subject = Elegir una nueva contraseña para el Directorio de puntos de contacto
accounts-mail-reset-body =
    Hola:

    Alguien ha pedido elegir una nueva contraseña para la cuenta { $email }. Si fue usted, abra este enlace:
    { $link }

    También necesitará su aplicación de autenticación o un código de recuperación. El enlace funciona una sola vez, hasta el { $expires }.

    Si no fue usted, ignore este correo: su contraseña no ha cambiado.
accounts-mail-disabled-subject = Su cuenta en el Directorio de puntos de contacto está desactivada
accounts-mail-disabled-body =
    Hola:

    La secretaría ha desactivado su cuenta. Ya no puede iniciar sesión y sus tokens de API ya no funcionan.

    Motivo: { $reason }

    Si cree que se trata de un error, responda a la secretaría.
accounts-mail-enabled-subject = Su cuenta en el Directorio de puntos de contacto vuelve a estar activa
accounts-mail-enabled-body =
    Hola:

    La secretaría ha vuelto a activar su cuenta. Puede iniciar sesión con su contraseña y su segundo factor: { $link }

    Motivo: { $reason }
accounts-mail-mfa-reset-subject = Se ha restablecido su segundo factor en el Directorio de puntos de contacto
accounts-mail-mfa-reset-body =
    Hola:

    La secretaría ha restablecido su segundo factor: su aplicación de autenticación y sus códigos de recuperación ya no funcionan. En su próximo inicio de sesión volverá a configurar el segundo factor: { $link }

    Motivo: { $reason }

    Si usted no lo pidió, avise de inmediato a la secretaría.

# El paquete de crisis sin conexión.
crisis-pack-home-link = Paquete de crisis: el directorio para guardar sin conexión, para cuando no se pueda acceder al portal
crisis-pack-title = Paquete de crisis sin conexión
crisis-pack-intro = Una instantánea de las entradas del directorio que usted puede ver, para guardarla por si el portal deja de funcionar o su Estado queda aislado. Es un archivo HTML que se abre en cualquier navegador sin red, con las mismas entradas en un archivo CSV dentro.
crisis-pack-validity = Un paquete es válido durante { $days } días desde que se genera; muestra su antigüedad en la parte superior.
crisis-pack-entries = El paquete contendrá { $count } entradas.
crisis-pack-reads = Cada descarga queda registrada en el registro como una lectura de cada una de sus entradas, igual que una exportación.
crisis-pack-supersedes = Un paquete más reciente sustituye al anterior: conserve solo el más reciente.
crisis-pack-check-heading = Comprobar un paquete
crisis-pack-instance-key = Los paquetes están firmados con la clave OpenPGP de esta instancia, cuya huella es:
crisis-pack-key-link = Descargar la clave pública de la instancia
crisis-pack-check-how = Sin el portal, compruebe la firma con gpg o con pocdir:
crisis-pack-download-heading = Descargar un paquete
crisis-pack-to-key = El paquete se cifrará para la clave OpenPGP de su entrada:
crisis-pack-to-passphrase = Su entrada no tiene clave OpenPGP: el paquete se cifrará con una frase de contraseña que elija ahora. Guárdela separada del archivo.
crisis-pack-passphrase = Frase de contraseña (al menos 12 caracteres)
crisis-pack-passphrase-again = La frase de contraseña, otra vez
crisis-pack-download = Descargar el paquete
crisis-pack-error-passphrase = Elija una frase de contraseña de al menos 12 caracteres.
crisis-pack-error-passphrase-again = Las dos frases de contraseña no coinciden.
crisis-pack-file-title = Paquete de crisis de pocdir
crisis-pack-file-issued = Emitido el { $date }
crisis-pack-file-valid-until = No confíe en él después del { $date }
crisis-pack-file-holder = Para
crisis-pack-file-entries = Entradas
crisis-pack-file-serial = Número de serie (uno mayor es más reciente)
crisis-pack-file-signing-key = Firmado con la clave
crisis-pack-file-explanation = Confidencial: guarde este archivo en lugar seguro y no lo comparta con nadie. Es una copia del directorio tal como estaba en la fecha indicada arriba; un paquete más reciente lo sustituye.
crisis-pack-file-expired = Este paquete ha caducado: obtenga uno más reciente en cuanto pueda.
crisis-pack-file-age = Este paquete tiene { $days } días.
crisis-pack-file-download-csv = Guardar las entradas como archivo CSV
crisis-pack-role-diplomatic = Diplomático
crisis-pack-role-technical = Técnico
crisis-pack-col-role = Función
crisis-pack-object = paquete de crisis n.º { $id }
values-log-crisis-pack-issue = { $actor } descargó el { $object } (el directorio para guardar sin conexión).
crisis-pack-help = Guardar el directorio sin conexión
crisis-pack-help-text = La página del paquete de crisis (desde su inicio) descarga las entradas del directorio que usted puede ver en un solo archivo para guardar por si no se puede acceder al portal: firmado por la instancia, cifrado para la clave OpenPGP de su entrada o con una frase de contraseña que usted elija, válido 30 días y con su antigüedad en la parte superior. Compruébelo sin conexión con gpg o con pocdir pack verify; un paquete más reciente sustituye al anterior. Cada descarga queda registrada como una lectura de cada una de sus entradas.
crisis-pack-by-mail = También se envía por correo un paquete nuevo cada { $days } días a cada punto de contacto cuya ficha tiene una clave OpenPGP, cifrado para esa clave.
crisis-pack-by-mail-you = Usted lo recibe en { $email }.
crisis-pack-by-mail-not-you = No se le envía ningún paquete: su cuenta no tiene ninguna ficha con una clave OpenPGP utilizable. Añada una clave a su ficha para recibirlos.
crisis-pack-mail-subject = Paquete de crisis de pocdir del { $date }
crisis-pack-mail-body =
    Hola:

    A continuación está su paquete de crisis del { $date }: las fichas del directorio que usted puede ver, para guardarlas por si el portal no está disponible. Está cifrado para su clave OpenPGP y firmado con la clave de esta instancia. Es válido hasta el { $until }; un paquete más reciente lo sustituye.

    Su programa de correo puede abrirlo directamente. Si no, guarde el texto de este correo en un archivo y ejecute: gpg --decrypt ARCHIVO, o pocdir pack verify ARCHIVO.

    La creación de este paquete quedó registrada en el registro como una lectura de cada ficha que contiene. La página del paquete de crisis en el portal: { $link }

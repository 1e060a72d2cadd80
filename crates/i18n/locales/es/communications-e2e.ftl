# Comunicaciones cifradas de extremo a extremo (issue 19): se cifran y
# descifran en el navegador del PoC; pocdir solo guarda el texto cifrado.

comm-e2e-subject = Cifrado de extremo a extremo
comm-e2e-legend = Cifrado de extremo a extremo
comm-e2e-intro = Para TLP:RED y TLP:AMBER+STRICT puede cifrar el mensaje en este navegador con las claves OpenPGP de los destinatarios nombrados y la suya. pocdir, su operador y la secretaría solo guardan entonces texto cifrado: ven quién escribió a quién y cuándo, nunca el contenido.
comm-e2e-lost-key = Clave perdida, mensaje perdido: nadie, ni siquiera el operador, puede recuperar un mensaje de extremo a extremo para un lector que perdió su clave privada o su frase de contraseña.
comm-e2e-choose = Cifrar este mensaje de extremo a extremo
comm-e2e-own-key-missing = Aún no puede enviar mensajes de extremo a extremo: su propia ficha de PoC necesita una clave OpenPGP utilizable ({ $why }) para que pueda leer lo que envía. Pida a su autoridad de designación que la añada.
comm-e2e-unreachable = { $count ->
    [one] Un PoC no puede recibir mensajes de extremo a extremo
   *[other] { $count } PoC no pueden recibir mensajes de extremo a extremo
}
comm-e2e-how = Elija PoC nombrados (o, para TLP:AMBER+STRICT, Estados enteros) y rellene el formulario como siempre: al enviar, el asunto, los campos y el texto se cifran aquí y solo el texto cifrado sale de este navegador. Los archivos adjuntos también se cifran aquí, cada uno con las mismas claves, y se envían con nombres que no revelan nada.
comm-e2e-how-reply = La respuesta va a todas las personas del mensaje que contesta: al enviar, el asunto, los campos y el texto se cifran aquí con sus claves y la suya, y solo el texto cifrado sale de este navegador. Los archivos adjuntos también se cifran aquí, cada uno con las mismas claves, y se envían con nombres que no revelan nada.
comm-e2e-nojs-compose = Sin JavaScript este navegador no puede cifrar. Puede cifrar con su propia herramienta OpenPGP: cifre el mensaje con las claves de las fichas de los destinatarios y con la suya, pegue abajo el resultado blindado y deje vacíos el asunto, los campos y el texto. Cifre cada archivo del mismo modo (en binario, por ejemplo gpg --encrypt) y adjunte los resultados.
comm-e2e-ciphertext = Mensaje OpenPGP blindado (solo si lo hizo con su propia herramienta)
comm-e2e-js-encrypting = Cifrando en este navegador…
comm-e2e-js-no-key = Estos destinatarios no tienen una clave OpenPGP utilizable y no pueden recibir mensajes de extremo a extremo:
comm-e2e-js-nobody = Elija los destinatarios (PoC nombrados, o Estados para TLP:AMBER+STRICT): un mensaje de extremo a extremo se cifra con la clave de cada uno.
comm-e2e-js-own-key = Su propia ficha de PoC no tiene una clave OpenPGP utilizable: no podría leer lo que envía.
comm-e2e-js-failed = No se pudo cifrar el mensaje; no se envió nada.
comm-e2e-js-keys = No se pudieron obtener todas las claves de los destinatarios: alguien elegido no tiene una clave utilizable (vea la lista de PoC a los que no se puede enviar), o una clave caducó o se revocó desde que se abrió esta página. Vuelva a cargar la página para ver a quién se puede enviar.
comm-e2e-key-none = no hay clave OpenPGP en la ficha
comm-e2e-key-expired = la clave OpenPGP de la ficha ha caducado
comm-e2e-key-revoked = la clave OpenPGP de la ficha fue revocada
comm-e2e-key-unusable = la clave OpenPGP de la ficha no se puede usar
comm-e2e-error-label = Solo los mensajes TLP:RED y TLP:AMBER+STRICT se envían de extremo a extremo.
comm-e2e-error-plaintext = No enviado: el asunto, los campos o el texto se rellenaron junto al texto cifrado. En un mensaje de extremo a extremo van solo dentro del texto cifrado.
comm-e2e-error-forward = Un mensaje de extremo a extremo no se puede reenviar: solo lo abren las claves con las que se cifró. Escriba un nuevo mensaje de extremo a extremo.
comm-e2e-error-missing = No enviado: no hay texto cifrado. Active JavaScript para cifrar aquí o pegue el mensaje hecho con su propia herramienta OpenPGP.
comm-e2e-error-not-a-message = No enviado: el texto cifrado no es un mensaje OpenPGP blindado o está dañado.
comm-e2e-error-too-large = No enviado: el texto cifrado es demasiado grande.
comm-e2e-error-not-encrypted = No enviado: el mensaje OpenPGP contiene algo además de datos cifrados (por ejemplo texto en claro o una clave cifrada con frase de contraseña).
comm-e2e-error-keys = No enviado: estas personas no tienen una clave OpenPGP utilizable: { $names }.
comm-e2e-error-not-encrypted-to = No enviado: el mensaje no está cifrado con la clave de la ficha de: { $names }.
comm-e2e-thread-note = Este mensaje está cifrado de extremo a extremo: pocdir solo guarda el texto cifrado de abajo. Descífrelo en este dispositivo con su clave, o descárguelo y ábralo con su propia herramienta OpenPGP.
comm-e2e-download = Descargar el mensaje cifrado (.asc)
comm-e2e-download-hint = por ejemplo: gpg --decrypt communication.asc
comm-e2e-nojs-thread = Sin JavaScript esta página no puede descifrar: descargue el mensaje y ábralo con su propia herramienta OpenPGP.
comm-e2e-passphrase = Frase de contraseña de su clave
comm-e2e-decrypt = Descifrar en este dispositivo
comm-e2e-js-no-key-here = No hay ninguna clave privada guardada en este navegador: importe la suya en la página de su cuenta, o descargue el mensaje y ábralo con su propia herramienta OpenPGP.
comm-e2e-js-passphrase = Frase de contraseña incorrecta: la clave de este navegador no se abrió.
comm-e2e-js-wrong-key = Este mensaje no se cifró con la clave guardada en este navegador.
comm-e2e-js-tampered = El mensaje está dañado o fue alterado: no se descifra. Pida al remitente que lo envíe de nuevo.
comm-e2e-js-decrypting = Descifrando en este dispositivo…
comm-e2e-js-decrypted = Descifrado en este dispositivo; pocdir no lo vio.
comm-e2e-key-heading = Su clave para mensajes de extremo a extremo
comm-e2e-key-intro = Para leer mensajes de extremo a extremo en este navegador, importe una vez su clave privada OpenPGP. Se queda en este dispositivo, cifrada con su frase de contraseña; nunca se envía a pocdir. Su parte pública debe ser la clave de su ficha de PoC.
comm-e2e-key-nojs = Sin JavaScript la clave no puede guardarse aquí: descargue los mensajes de extremo a extremo y ábralos con su propia herramienta OpenPGP.
comm-e2e-key-paste = Su clave privada OpenPGP blindada
comm-e2e-key-passphrase-hint = (al menos 8 caracteres; la frase de contraseña de la clave si ya tiene una)
comm-e2e-key-import = Guardar la clave en este navegador
comm-e2e-key-forget = Olvidar la clave de este navegador
comm-e2e-key-here-none = No hay ninguna clave guardada en este navegador.
comm-e2e-key-here = Hay una clave guardada en este navegador, huella:
comm-e2e-key-imported = Clave guardada en este navegador, cifrada con su frase de contraseña. Huella:
comm-e2e-key-not-private = Esto no es una clave privada OpenPGP blindada.
comm-e2e-key-passphrase-short = Elija una frase de contraseña de al menos 8 caracteres.
comm-e2e-key-forgotten = La clave se quitó de este navegador.
comm-e2e-error-files-too-large = No enviado: demasiados archivos cifrados, o demasiado grandes (como máximo 5 archivos, cada uno de hasta 5 MiB antes de cifrar, 10 MiB en total).
comm-e2e-error-file-not-sealed = No enviado: el archivo { $n } no es un mensaje OpenPGP cifrado para sus lectores. En un mensaje de extremo a extremo también se cifra cada archivo.
comm-e2e-error-file-not-encrypted-to = No enviado: el archivo { $n } no está cifrado con la clave registrada de: { $names }.
comm-e2e-js-file-type = Estos archivos no son de un tipo que una comunicación pueda llevar (PDF, PNG, JPEG o texto, con la extensión del nombre concordante):
comm-e2e-js-file-type-received = No se ofrece: este archivo no es de un tipo que una comunicación pueda llevar:
comm-e2e-js-file-altered = No se ofrece: este archivo fue sustituido, retirado o dañado después del envío:
comm-e2e-files = Archivos cifrados
comm-e2e-files-hint = Descifre el mensaje para guardar sus archivos con sus propios nombres, o descargue cada uno y ábralo con su propia herramienta OpenPGP.
comm-e2e-files-decrypted = Archivos, descifrados en este dispositivo

comm-e2e-help = Mensajes que solo leen los destinatarios (de extremo a extremo)
comm-e2e-help-text = Un mensaje TLP:RED, o uno TLP:AMBER+STRICT, puede cifrarse en su navegador con las claves OpenPGP de las entradas de los destinatarios y de la suya: marque «Cifrar este mensaje de extremo a extremo» antes de enviar. El asunto, los campos, el texto y cada archivo se cifran antes de salir de su navegador; pocdir, la secretaría y quien opera el servidor solo ven quién escribió a quién, cuándo y la etiqueta. El formulario nombra a los destinatarios sin clave utilizable: no se les puede enviar un mensaje así. Para leer uno, guarde su clave privada en su navegador (su página de cuenta) y pulse «Descifrar en este dispositivo», o descárguelo y ábralo con su propia herramienta OpenPGP. Una clave perdida significa mensajes perdidos: nadie puede recuperarlos.
comm-e2e-help-key = Su clave para los mensajes de extremo a extremo
comm-e2e-help-key-text = Su autoridad de nominación pone su clave pública OpenPGP en su entrada. En su página de cuenta, importe una vez la clave privada correspondiente: se guarda solo en este navegador, cifrada con una frase de contraseña que usted elige, y nunca se envía a pocdir. Impórtela en cada navegador en que lea mensajes, u olvídela en un ordenador compartido. Sin ella, descargue cada mensaje y descífrelo con su propia herramienta OpenPGP.

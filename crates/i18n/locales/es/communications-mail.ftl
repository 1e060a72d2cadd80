# Mail of communications: what a mail says when it carries the content encrypted to the recipient's OpenPGP key.
comm-mail-encrypted-below = El contenido figura a continuación, cifrado para su clave OpenPGP ({ $fingerprint }). Solo la clave secreta correspondiente permite leerlo.

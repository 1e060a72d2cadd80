# Mail of communications (the content encrypted to a recipient's OpenPGP key) and, on the outbox page, mails interrupted mid-send.
comm-mail-encrypted-below = El contenido figura a continuación, cifrado para su clave OpenPGP ({ $fingerprint }). Solo la clave secreta correspondiente permite leerlo.
outbox-count-in-flight = { $count ->
    [one] De ellos, uno se está enviando o se interrumpió durante el envío (se reenvía con el mismo Message-ID).
   *[other] De ellos, { $count } se están enviando o se interrumpieron durante el envío (se reenvían con el mismo Message-ID).
}

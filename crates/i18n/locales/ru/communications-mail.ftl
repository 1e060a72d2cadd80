# Mail of communications (the content encrypted to a recipient's OpenPGP key) and, on the outbox page, mails interrupted mid-send.
comm-mail-encrypted-below = Ниже приводится содержание, зашифрованное для вашего ключа OpenPGP ({ $fingerprint }). Открыть его можно только соответствующим секретным ключом.
outbox-count-in-flight = { $count ->
    [one] Из них { $count } письмо отправляется или его отправка прервалась (оно будет отправлено снова с тем же Message-ID).
    [few] Из них { $count } письма отправляются или их отправка прервалась (они будут отправлены снова с тем же Message-ID).
   *[other] Из них { $count } писем отправляются или их отправка прервалась (они будут отправлены снова с тем же Message-ID).
}

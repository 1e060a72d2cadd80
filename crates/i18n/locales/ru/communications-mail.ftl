# Mail of communications: what a mail says when it carries the content encrypted to the recipient's OpenPGP key.
comm-mail-encrypted-below = Ниже приводится содержание, зашифрованное для вашего ключа OpenPGP ({ $fingerprint }). Открыть его можно только соответствующим секретным ключом.

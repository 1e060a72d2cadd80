# Mail of communications (the content encrypted to a recipient's OpenPGP key) and, on the outbox page, mails interrupted mid-send.
comm-mail-encrypted-below = 以下内容已用您的 OpenPGP 密钥（{ $fingerprint }）加密，只有对应的私钥才能打开。
outbox-count-in-flight = 其中 { $count } 封正在发送或发送中断（将以相同的 Message-ID 重新发送）。

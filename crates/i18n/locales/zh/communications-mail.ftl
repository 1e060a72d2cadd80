# Mail of communications: what a mail says when it carries the content encrypted to the recipient's OpenPGP key.
comm-mail-encrypted-below = 以下内容已用您的 OpenPGP 密钥（{ $fingerprint }）加密，只有对应的私钥才能打开。

# Mail of communications: what a mail says when it carries the content encrypted to the recipient's OpenPGP key.
comm-mail-encrypted-below = يلي المحتوى مشفّرًا بمفتاح OpenPGP الخاص بكم ({ $fingerprint }). لا يفتحه إلا المفتاح السري المقابل له.

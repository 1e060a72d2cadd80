# Mail of communications (the content encrypted to a recipient's OpenPGP key) and, on the outbox page, mails interrupted mid-send.
comm-mail-encrypted-below = يلي المحتوى مشفّرًا بمفتاح OpenPGP الخاص بكم ({ $fingerprint }). لا يفتحه إلا المفتاح السري المقابل له.
outbox-count-in-flight = { $count ->
    [zero] لا توجد بينها رسائل قيد الإرسال.
    [one] منها رسالة واحدة قيد الإرسال أو انقطع إرسالها (تُرسل مجددًا بمعرّف Message-ID نفسه).
    [two] منها رسالتان قيد الإرسال أو انقطع إرسالهما (تُرسلان مجددًا بمعرّف Message-ID نفسه).
    [few] منها { $count } رسائل قيد الإرسال أو انقطع إرسالها (تُرسل مجددًا بمعرّف Message-ID نفسه).
   *[other] منها { $count } رسالة قيد الإرسال أو انقطع إرسالها (تُرسل مجددًا بمعرّف Message-ID نفسه).
}

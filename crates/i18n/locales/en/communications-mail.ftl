# Mail of communications (the content encrypted to a recipient's OpenPGP key) and, on the outbox page, mails interrupted mid-send.
comm-mail-encrypted-below = The content follows, encrypted to your OpenPGP key ({ $fingerprint }). Only its secret key opens it.
outbox-count-in-flight = { $count ->
    [one] One of them being sent, or interrupted mid-send (it goes out again with the same Message-ID).
   *[other] { $count } of them being sent, or interrupted mid-send (they go out again with the same Message-ID).
}

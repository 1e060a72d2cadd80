# Mail of communications: what a mail says when it carries the content encrypted to the recipient's OpenPGP key.
comm-mail-encrypted-below = The content follows, encrypted to your OpenPGP key ({ $fingerprint }). Only its secret key opens it.

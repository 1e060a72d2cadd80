# The offline crisis pack.
crisis-pack-home-link = Crisis pack: the directory to keep offline, for when the portal cannot be reached
crisis-pack-title = Offline crisis pack
crisis-pack-intro = A snapshot of the directory entries you may see, to keep for when the portal is down or your State is cut off. It is one HTML file that opens in any browser without a network, with the same entries as a CSV file inside it.
crisis-pack-validity = A pack is valid for { $days } days from the moment it is made; it shows its age at the top.
crisis-pack-entries = The pack will hold { $count } entries.
crisis-pack-reads = Each download is recorded in the log as a read of every entry in it, as an export is.
crisis-pack-supersedes = A newer pack replaces an older one: keep only the newest.
crisis-pack-check-heading = Checking a pack
crisis-pack-instance-key = Packs are signed by this instance's OpenPGP key, fingerprint:
crisis-pack-key-link = Download the instance's public key
crisis-pack-check-how = Without the portal, check the signature with gpg or with pocdir:
crisis-pack-download-heading = Download a pack
crisis-pack-to-key = The pack will be encrypted to the OpenPGP key of your entry:
crisis-pack-to-passphrase = Your entry has no OpenPGP key: the pack will be encrypted to a passphrase you choose now. Keep it apart from the file.
crisis-pack-passphrase = Passphrase (at least 12 characters)
crisis-pack-passphrase-again = The passphrase again
crisis-pack-download = Download the pack
crisis-pack-error-passphrase = Choose a passphrase of at least 12 characters.
crisis-pack-error-passphrase-again = The two passphrases differ.
crisis-pack-file-title = pocdir crisis pack
crisis-pack-file-issued = Issued on { $date }
crisis-pack-file-valid-until = Do not rely on it after { $date }
crisis-pack-file-holder = For
crisis-pack-file-entries = Entries
crisis-pack-file-serial = Serial (a larger one is newer)
crisis-pack-file-signing-key = Signed by the key
crisis-pack-file-explanation = Confidential: keep this file safe and share it with no one. It is a copy of the directory as it was on the date above; a newer pack replaces it.
crisis-pack-file-expired = This pack has expired: get a newer one as soon as you can.
crisis-pack-file-age = This pack is { $days } days old.
crisis-pack-file-download-csv = Save the entries as a CSV file
crisis-pack-role-diplomatic = Diplomatic
crisis-pack-role-technical = Technical
crisis-pack-col-role = Role
crisis-pack-object = crisis pack no. { $id }
values-log-crisis-pack-issue = { $actor } downloaded { $object } (the directory to keep offline).
crisis-pack-help = Keeping the directory offline
crisis-pack-help-text = The crisis pack page (from your home) downloads the directory entries you may see as one file to keep for when the portal cannot be reached: signed by the instance, encrypted to your entry's OpenPGP key or to a passphrase you choose, valid 30 days and showing its age at the top. Check it offline with gpg or with pocdir pack verify; a newer pack replaces an older one. Each download is recorded as a read of every entry in it.
crisis-pack-by-mail = A fresh pack is also mailed every { $days } days to each point of contact whose entry has an OpenPGP key, encrypted to that key.
crisis-pack-by-mail-you = You receive it at { $email }.
crisis-pack-by-mail-not-you = No pack is mailed to you: your account holds no entry with a usable OpenPGP key. Add a key to your entry to receive them.
crisis-pack-mail-subject = pocdir crisis pack of { $date }
crisis-pack-mail-body =
    Hello,

    Below is your crisis pack of { $date }: the directory entries you may see, to keep for when the portal cannot be reached. It is encrypted to your OpenPGP key and signed by this instance's key. It is valid until { $until }; a newer pack replaces it.

    Your mail program may open it directly. Otherwise save this mail's text as a file and run: gpg --decrypt FILE, or pocdir pack verify FILE.

    Making this pack was recorded in the log as a read of every entry in it. The portal's crisis pack page: { $link }

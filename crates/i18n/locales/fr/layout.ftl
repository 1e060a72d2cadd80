# The page frame, the directory table's order and size, recovery codes on paper or in a file.
app-subtitle = Répertoire des points de contact
nav-main = Menu principal
directory-per-page = Lignes par page
directory-sorted-by = Trier selon cette colonne
directory-error-sort = Le tableau ne peut pas être trié selon cette colonne.
directory-error-per-page = Choisissez entre 1 et 200 lignes par page.
recovery-download = Télécharger en fichier texte
recovery-print-hint = Pour les conserver sur papier, imprimez cette page : seuls les codes sont imprimés.
recovery-file-heading = Codes de secours pocdir de { $email }
recovery-file-note = Chaque code vous permet de vous connecter une fois si vous perdez votre application d'authentification. Conservez ce fichier en lieu sûr, à l'écart de votre appareil.
recovery-error-codes = Ce ne sont pas les codes de secours affichés par cette page.

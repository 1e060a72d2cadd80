# Communications par l’API JSON : ce que seules les requêtes de l’API peuvent mal formuler.

comm-api-error-to-either = Indiquez soit « states » (avec « roles »), soit « pocs », mais pas les deux.
comm-api-error-base64 = Le contenu de ce fichier n’est pas du base64 valide.
comm-api-error-accounts = Indiquez « accounts » sous forme de 1 à 200 identifiants de compte séparés par des virgules.

# TAXII 2.1 : les phrases du journal sur les collections et les objets STIX.
taxii-object-collection = collection TAXII { $id }
values-log-taxii-create-collection = { $actor } a créé la { $object }.
values-log-taxii-add = { $actor } a ajouté des objets STIX à la { $object }.
values-log-taxii-delete = { $actor } a supprimé un objet STIX de la { $object }.

# TAXII 2.1 : les titres des erreurs (les clients TAXII les reçoivent en anglais).
taxii-error-not-acceptable = La réponse ne peut être que du TAXII 2.1 : demandez application/taxii+json;version=2.1.
taxii-error-content-type = Envoyez l’enveloppe en application/taxii+json;version=2.1.
taxii-error-filter-unknown = Ce point d’accès ne prend pas le paramètre { $parameter }.
taxii-error-filter-repeated = Le paramètre { $parameter } est donné plus d’une fois.
taxii-error-filter-invalid = La valeur du paramètre { $parameter } est illisible.
taxii-error-next-forged = Ce next n’a pas été donné par ce serveur pour cette collection et ces filtres.
taxii-error-next-expired = Ce next a expiré : reprenez à la première page.
taxii-error-not-envelope = Le corps n’est pas une enveloppe TAXII : un objet JSON avec un tableau « objects ».
taxii-error-empty-envelope = L’enveloppe ne contient aucun objet.
taxii-error-too-many-objects = L’enveloppe contient plus d’objets qu’une requête ne peut en ajouter ({ $max }).
taxii-error-may-not-read = Ce compte ne peut pas lire cette collection.
taxii-error-may-not-write = Ce compte ne peut pas écrire dans cette collection.

# TAXII 2.1 : comment se connecte le client TAXII d’un PoC technique ou d’un rapporteur.
account-taxii-heading = Échange sur les menaces (TAXII 2.1)
account-taxii-intro = Votre client TAXII 2.1 (par exemple MISP, OpenCTI ou taxii2-client) échange ici du STIX 2.1 avec les autres États participants. Donnez-lui ces paramètres :
account-taxii-server = Serveur (découverte)
account-taxii-user = Nom d’utilisateur
account-taxii-password = Mot de passe
account-taxii-password-is = Un jeton d’API de cette page : « lecture » pour recevoir, « lecture et écriture » pour partager.
home-taxii-link = Échange sur les menaces (TAXII 2.1) : comment se connecter
help-task-taxii = Échanger sur les menaces avec TAXII 2.1
help-task-taxii-text = Les PoC techniques partagent et reçoivent du STIX 2.1 par TAXII 2.1 : une collection partagée de tous les États participants, et une boîte de réception par État où les autres écrivent et que seul cet État lit. Votre page de compte donne l’adresse du serveur ; le nom d’utilisateur est votre adresse électronique et le mot de passe un jeton d’API. Un objet sans marquage TLP prend le label de sa collection ; les objets TLP:RED sont refusés. Les rapporteurs agréés écrivent dans la collection d’entrée et ne lisent rien.

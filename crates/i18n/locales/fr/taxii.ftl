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

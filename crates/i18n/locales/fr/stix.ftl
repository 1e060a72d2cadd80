# Lots STIX 2.1 d'indicateurs envoyés par les signaleurs : pourquoi un lot est refusé. { $object } est la place de l'objet dans le lot et son identifiant ; { $property } le nom d'une propriété.
stix-error-too-large = Le lot STIX dépasse 1 Mio.
stix-error-not-json = Le lot STIX n'est pas du JSON valide.
stix-error-too-deep = Le lot STIX est imbriqué trop profondément.
stix-error-not-bundle = Ce n'est pas un lot STIX : il doit s'agir d'un objet JSON dont le type est « bundle ».
stix-error-bundle-id = L'identifiant du lot doit être « bundle-- » suivi d'un UUID.
stix-error-no-objects = Le lot doit contenir au moins un objet dans « objects ».
stix-error-too-many-objects = Le lot contient plus de 1 000 objets.
stix-error-not-object = L'objet { $object } n'est pas un objet JSON.
stix-error-type = Objet { $object } : son type n'est pas un type STIX valide.
stix-error-id = Objet { $object } : son identifiant doit être son type, « -- » et un UUID.
stix-error-duplicate-id = Objet { $object } : un autre objet du lot a le même identifiant.
stix-error-missing = Objet { $object } : { $property } est absent.
stix-error-invalid = Objet { $object } : { $property } n'est pas valide.
stix-error-modified-before-created = Objet { $object } : modified est antérieur à created.
stix-error-pattern = Objet { $object } : le motif STIX est mal formé (ses crochets ou ses guillemets ne s'équilibrent pas).
stix-error-external-id = Objet { $object } : l'external_id d'une référence externe ne correspond pas à sa source (CVE-AAAA-NNNN pour « cve », CAPEC-N pour « capec »).

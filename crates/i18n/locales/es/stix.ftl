# Paquetes STIX 2.1 de indicadores enviados por los notificadores: por qué se rechaza un paquete. { $object } es el lugar del objeto en el paquete y su identificador; { $property }, el nombre de una propiedad.
stix-error-too-large = El paquete STIX supera 1 MiB.
stix-error-not-json = El paquete STIX no es JSON válido.
stix-error-too-deep = El paquete STIX está anidado a demasiada profundidad.
stix-error-not-bundle = Esto no es un paquete STIX: debe ser un objeto JSON cuyo tipo sea «bundle».
stix-error-bundle-id = El identificador del paquete debe ser «bundle--» seguido de un UUID.
stix-error-no-objects = El paquete debe contener al menos un objeto en «objects».
stix-error-too-many-objects = El paquete contiene más de 1000 objetos.
stix-error-not-object = El objeto { $object } no es un objeto JSON.
stix-error-type = Objeto { $object }: su tipo no es un tipo STIX válido.
stix-error-id = Objeto { $object }: su identificador debe ser su tipo, «--» y un UUID.
stix-error-duplicate-id = Objeto { $object }: otro objeto del paquete tiene el mismo identificador.
stix-error-missing = Objeto { $object }: falta { $property }.
stix-error-invalid = Objeto { $object }: { $property } no es válido.
stix-error-modified-before-created = Objeto { $object }: modified es anterior a created.
stix-error-pattern = Objeto { $object }: el patrón STIX está mal formado (sus corchetes o comillas no están equilibrados).
stix-error-external-id = Objeto { $object }: el external_id de una referencia externa no corresponde a su fuente (CVE-AAAA-NNNN para «cve», CAPEC-N para «capec»).

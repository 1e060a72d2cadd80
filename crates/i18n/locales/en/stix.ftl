# STIX 2.1 bundles of indicators sent by reporters: why a bundle is refused. { $object } is the object's place in the bundle and its id; { $property } a property's name.
stix-error-too-large = The STIX bundle is larger than 1 MiB.
stix-error-not-json = The STIX bundle is not valid JSON.
stix-error-too-deep = The STIX bundle is nested too deeply.
stix-error-not-bundle = This is not a STIX bundle: it must be a JSON object whose type is "bundle".
stix-error-bundle-id = The bundle's id must be "bundle--" followed by a UUID.
stix-error-no-objects = The bundle must hold at least one object in "objects".
stix-error-too-many-objects = The bundle holds more than 1,000 objects.
stix-error-not-object = Object { $object } is not a JSON object.
stix-error-type = Object { $object }: its type is not a valid STIX type.
stix-error-id = Object { $object }: its id must be its type, "--" and a UUID.
stix-error-duplicate-id = Object { $object }: another object in the bundle has the same id.
stix-error-missing = Object { $object }: { $property } is missing.
stix-error-invalid = Object { $object }: { $property } is not valid.
stix-error-modified-before-created = Object { $object }: modified is earlier than created.
stix-error-pattern = Object { $object }: the STIX pattern is malformed (its brackets or quotes do not balance).
stix-error-external-id = Object { $object }: an external reference's external_id does not match its source (CVE-YYYY-NNNN for "cve", CAPEC-N for "capec").

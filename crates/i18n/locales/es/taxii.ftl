# TAXII 2.1: las frases del registro sobre colecciones y objetos STIX.
taxii-object-collection = colección TAXII { $id }
values-log-taxii-create-collection = { $actor } creó la { $object }.
values-log-taxii-add = { $actor } añadió objetos STIX a la { $object }.
values-log-taxii-delete = { $actor } eliminó un objeto STIX de la { $object }.

# TAXII 2.1: los títulos de los errores (los clientes TAXII los reciben en inglés).
taxii-error-not-acceptable = La respuesta solo puede ser TAXII 2.1: pida application/taxii+json;version=2.1.
taxii-error-content-type = Envíe el sobre como application/taxii+json;version=2.1.
taxii-error-filter-unknown = Este punto de acceso no admite el parámetro { $parameter }.
taxii-error-filter-repeated = El parámetro { $parameter } se da más de una vez.
taxii-error-filter-invalid = El valor del parámetro { $parameter } no se puede leer.
taxii-error-next-forged = Este next no lo dio este servidor para esta colección y estos filtros.
taxii-error-next-expired = Este next ha caducado: vuelva a empezar desde la primera página.
taxii-error-not-envelope = El cuerpo no es un sobre TAXII: un objeto JSON con una matriz «objects».
taxii-error-empty-envelope = El sobre no contiene objetos.
taxii-error-too-many-objects = El sobre tiene más objetos de los que una solicitud puede añadir ({ $max }).
taxii-error-may-not-read = Esta cuenta no puede leer esta colección.
taxii-error-may-not-write = Esta cuenta no puede escribir en esta colección.

# TAXII 2.1: cómo se conecta el cliente TAXII de un PoC técnico o de un informante.
account-taxii-heading = Intercambio sobre amenazas (TAXII 2.1)
account-taxii-intro = Su cliente TAXII 2.1 (por ejemplo MISP, OpenCTI o taxii2-client) intercambia aquí STIX 2.1 con los demás Estados participantes. Indíquele estos parámetros:
account-taxii-server = Servidor (descubrimiento)
account-taxii-user = Nombre de usuario
account-taxii-password = Contraseña
account-taxii-password-is = Un token de API de esta página: «lectura» para recibir, «lectura y escritura» para compartir.
home-taxii-link = Intercambio sobre amenazas (TAXII 2.1): cómo conectarse
help-task-taxii = Intercambio sobre amenazas con TAXII 2.1
help-task-taxii-text = Los PoC técnicos comparten y reciben STIX 2.1 mediante TAXII 2.1: una colección compartida de todos los Estados participantes y un buzón por Estado en el que los demás escriben y que solo ese Estado lee. Su página de cuenta indica la dirección del servidor; el nombre de usuario es su correo electrónico y la contraseña un token de API. Un objeto sin marca TLP toma la etiqueta de su colección; los objetos TLP:RED se rechazan. Los informantes verificados escriben en la colección de entrada y no leen nada.

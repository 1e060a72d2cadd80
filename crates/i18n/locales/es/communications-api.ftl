# Comunicaciones por la API JSON: lo que solo las solicitudes de la API pueden equivocar.

comm-api-error-to-either = Indique «states» (con «roles») o «pocs», no ambos.
comm-api-error-base64 = El contenido de este archivo no es base64 válido.
comm-api-error-accounts = Indique «accounts» como de 1 a 200 identificadores de cuenta separados por comas.

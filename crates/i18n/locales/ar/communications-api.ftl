# الاتصالات عبر واجهة JSON البرمجية: أخطاء لا تقع إلا في طلبات الواجهة.

comm-api-error-to-either = حدِّد إمّا «states» (مع «roles») وإمّا «pocs»، لا كليهما.
comm-api-error-base64 = محتوى هذا الملف ليس ترميز base64 صالحًا.
comm-api-error-accounts = حدِّد «accounts» بمعرّفات حسابات من 1 إلى 200 تفصل بينها فواصل.

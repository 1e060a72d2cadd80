## Messages for OpenPGP public keys of PoCs.

poc-field-openpgp-key = مفتاح OpenPGP العام
# Latin examples (phone numbers, the key's first line) sit between invisible
# left-to-right isolates (U+2066 … U+2069), so they read left to right here.
form-openpgp-key-hint = اختياري؛ الصق المفتاح العام كاملًا بصيغة ASCII المدرعة، من السطر «⁦-----BEGIN PGP PUBLIC KEY BLOCK-----⁩» حتى سطر END. لا تلصق مفتاحًا خاصًا أبدًا.
poc-openpgp-fingerprint = البصمة
poc-openpgp-algorithm = الخوارزمية
poc-openpgp-created = تاريخ الإنشاء
poc-openpgp-expires = تاريخ انتهاء الصلاحية
poc-openpgp-no-expiry = لا تنتهي صلاحيته
poc-openpgp-show-key = عرض المفتاح
poc-openpgp-expires-soon = { $days ->
    [0] تنتهي صلاحية هذا المفتاح اليوم. اطلب من جهة الاتصال مفتاحًا مجدَّدًا.
    [one] تنتهي صلاحية هذا المفتاح بعد يوم واحد. اطلب من جهة الاتصال مفتاحًا مجدَّدًا.
    [two] تنتهي صلاحية هذا المفتاح بعد يومين. اطلب من جهة الاتصال مفتاحًا مجدَّدًا.
    [few] تنتهي صلاحية هذا المفتاح بعد { $days } أيام. اطلب من جهة الاتصال مفتاحًا مجدَّدًا.
    [many] تنتهي صلاحية هذا المفتاح بعد { $days } يومًا. اطلب من جهة الاتصال مفتاحًا مجدَّدًا.
   *[other] تنتهي صلاحية هذا المفتاح بعد { $days } يوم. اطلب من جهة الاتصال مفتاحًا مجدَّدًا.
}
poc-openpgp-expired-warning = انتهت صلاحية هذا المفتاح: لا تستخدمه للتشفير. اطلب من جهة الاتصال مفتاحًا جديدًا.

# Latin examples (phone numbers, the key's first line) sit between invisible
# left-to-right isolates (U+2066 … U+2069), so they read left to right here.
poc-error-openpgp-not-a-key = هذا ليس مفتاح OpenPGP عامًا. الصق الكتلة بصيغة ASCII المدرعة التي تبدأ بالسطر «⁦-----BEGIN PGP PUBLIC KEY BLOCK-----⁩».
poc-error-openpgp-secret-key = هذا مفتاح خاص، ولم يُحفظ. الصق المفتاح العام فقط، واعتبر المفتاح الخاص مكشوفًا إن كنت قد أرسلته إلى أي مكان آخر.
poc-error-openpgp-several-keys = الصق مفتاحًا عامًا واحدًا فقط؛ فهذا النص يحتوي على أكثر من مفتاح.
poc-error-openpgp-too-large = هذا المفتاح كبير جدًا (أكثر من 64 كيبيبايت). صدِّره دون توقيعات الأطراف الثالثة (مثلًا gpg --export-options export-minimal).
poc-error-openpgp-bad-signature = هذا المفتاح تالف: توقيعاته الذاتية لا تجتاز التحقق. صدِّره مرة أخرى من حلقة مفاتيح صاحبه.
poc-error-openpgp-expired = انتهت صلاحية هذا المفتاح. مدِّد تاريخ انتهاء صلاحيته أو قدِّم مفتاحًا جديدًا.
poc-error-openpgp-revoked = ألغى صاحبُ هذا المفتاح صلاحيتَه. قدِّم مفتاحًا جديدًا.
poc-error-openpgp-no-encryption = لا يمكن التشفير بهذا المفتاح: ليس له مفتاح فرعي صالح للتشفير. أضف مفتاحًا فرعيًا (مثلًا gpg --quick-add-key البصمة cv25519 encr) ثم صدِّره مرة أخرى.

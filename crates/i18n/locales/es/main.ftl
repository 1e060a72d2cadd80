# es — translations pending; missing messages fall back to English.

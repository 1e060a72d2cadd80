## Messages for OpenPGP public keys of PoCs.

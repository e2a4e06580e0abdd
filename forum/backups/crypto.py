"""Passphrase encryption of a backup's files: scrypt derives the key, AES-256-GCM seals
each file (nonce, ciphertext, tag), with the file's name as associated data so files
cannot be swapped. The passphrase is never stored; the manifest keeps the salt, the
scrypt cost and a sealed check value that tells a wrong passphrase at once."""
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from forum.backups import BackupError

SCRYPT_COST = {"n": 2 ** 15, "r": 8, "p": 1}  # 32 MB and ~0.1 s per guess
NONCE, TAG, CHUNK = 12, 16, 1024 * 1024
CHECK = b"forum backup key check"


def new_encryption(passphrase):
    """(the manifest's `encryption` entry, the key) for a new backup."""
    params = {"cipher": "AES-256-GCM", "kdf": "scrypt", **SCRYPT_COST,
              "salt": secrets.token_hex(16)}
    key = derive_key(passphrase, params)
    nonce = os.urandom(NONCE)
    params["check"] = (nonce + AESGCM(key).encrypt(nonce, CHECK, None)).hex()
    return params, key


def derive_key(passphrase, params):
    """The key for `params`; BackupError if the passphrase does not open its check value."""
    key = Scrypt(salt=bytes.fromhex(params["salt"]), length=32, n=params["n"], r=params["r"],
                 p=params["p"]).derive(passphrase.encode())
    if "check" in params:
        sealed = bytes.fromhex(params["check"])
        try:
            AESGCM(key).decrypt(sealed[:NONCE], sealed[NONCE:], None)
        except InvalidTag:
            raise BackupError("wrong passphrase") from None
    return key


def encrypt_file(source, target, key, name):
    """Write `source` sealed to `target`."""
    nonce = os.urandom(NONCE)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(name.encode())
    with open(source, "rb") as plain, open(target, "wb") as sealed:
        sealed.write(nonce)
        while chunk := plain.read(CHUNK):
            sealed.write(encryptor.update(chunk))
        sealed.write(encryptor.finalize() + encryptor.tag)


def decrypt_file(source, target, key, name):
    """Write `source` opened to `target`; nothing is left there if it was altered."""
    size = os.path.getsize(source)
    with open(source, "rb") as sealed:
        nonce = sealed.read(NONCE)
        sealed.seek(size - TAG)
        tag = sealed.read(TAG)
        sealed.seek(NONCE)
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(name.encode())
        left = size - NONCE - TAG
        try:
            with open(target, "wb") as plain:
                while left > 0:
                    chunk = sealed.read(min(CHUNK, left))
                    left -= len(chunk)
                    plain.write(decryptor.update(chunk))
                decryptor.finalize()
        except InvalidTag:
            os.unlink(target)
            raise BackupError(f"{name} does not open with this passphrase: altered") from None

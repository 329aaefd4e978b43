"""One kind of error for everything a learner can get wrong on the page.

A `PlaygroundError` carries the same sentence in English and in Finnish and
the HTTP status the server answers with, so that the logic (settings, data,
session) can say exactly what was wrong and the server only passes it on:

    raise PlaygroundError("bad_setting", "lr: 1000 is too large ...",
                          "lr: 1000 on liian suuri ...")
"""

from __future__ import annotations


class PlaygroundError(ValueError):
    """A request the playground refuses, with the reason in two languages."""

    def __init__(
        self, code: str, message: str, message_fi: str, status: int = 400
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.message_fi = message_fi
        self.status = status

    def as_dict(self) -> dict[str, str]:
        """The JSON body of the error answer."""
        return {
            "error": self.code,
            "message": self.message,
            "message_fi": self.message_fi,
        }

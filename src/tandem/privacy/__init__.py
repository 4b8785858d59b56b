"""Privacy: the pseudonymiser every free text passes before it leaves the dossier's need-to-know circle."""

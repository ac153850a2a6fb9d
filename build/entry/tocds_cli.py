"""Entry script of the bundled `tocds-cli` (installer.spec); the installed package uses desktop.cli:main."""

import sys

from desktop.cli import main

sys.exit(main())

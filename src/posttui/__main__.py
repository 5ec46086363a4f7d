import sys

from posttui.cli import main

sys.exit(main())

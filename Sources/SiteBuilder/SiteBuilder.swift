import BuiltinTheme
import Markdown

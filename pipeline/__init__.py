"""vnextract: Vietnamese information extraction for official and military news.

    >>> from pipeline import Pipeline, load_config, RawDocument
    >>> result = Pipeline(load_config()).process(RawDocument("a.txt", "Đại tá Lê Văn Hùng, Chỉ huy trưởng BĐBP tỉnh Nghệ An"))
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vnextract")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"

from .config import Config, ConfigError, load_config  # noqa: E402
from .core import Pipeline, PipelineError  # noqa: E402
from .model import DocumentResult, Mention, RawDocument  # noqa: E402

__all__ = ["Config", "ConfigError", "DocumentResult", "Mention", "Pipeline", "PipelineError", "RawDocument",
           "load_config", "__version__"]

"""The smallest shared vocabulary: findings, rule metadata and complykit's own errors."""

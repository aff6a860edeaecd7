module.exports = eval("require")("../action.yml");
